import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadGalSyncFlow } from '../clients/ldap/galsync-flow';
import { DirectoryEntry } from '../tenant/entry';
import {
  blankRequiredAttributes,
  dirSyncExportsContact,
  flowCarriesSip,
  projectContact,
  sipAddressFormat,
  targetAddressFormat,
} from './gal';

const anna = new DirectoryEntry('CN=Anna Berg,OU=Users,DC=abc,DC=corp', {
  objectClass: ['top', 'person', 'organizationalPerson', 'user'],
  cn: 'Anna Berg',
  displayName: 'Anna Berg',
  sAMAccountName: 'aberg',
  mail: 'anna.berg@abc.corp',
  mailNickname: 'anna',
  'msRTCSIP-PrimaryUserAddress': 'sip:anna.berg@abc.corp',
});
const outOfTheBox = loadGalSyncFlow();
const documented = loadGalSyncFlow(`${__dirname}/../../examples/galsync/documented.yaml`);

describe('gal model', () => {
  it('GAL-01/02: the out-of-the-box flow projects a contact without a SIP address', () => {
    const p = projectContact(anna, outOfTheBox, 'DC=xyz,DC=corp').value;
    assert.equal(p.outcome, 'projected');
    if (p.outcome !== 'projected') return;
    assert.equal(p.dn, 'CN=Anna Berg,OU=GALSync,DC=xyz,DC=corp');
    assert.equal(p.attributes['msRTCSIP-PrimaryUserAddress'], undefined);
    assert.equal(flowCarriesSip(outOfTheBox).value, false);
  });

  it('GAL-02/03/04/06: the documented flow writes sip:, SMTP: and mailNickname from sAMAccountName', () => {
    const p = projectContact(anna, documented, 'DC=xyz,DC=corp').value;
    assert.ok(p.outcome === 'projected');
    if (p.outcome !== 'projected') return;
    assert.equal(p.attributes['msRTCSIP-PrimaryUserAddress'], 'sip:anna.berg@abc.corp');
    assert.equal(p.attributes.targetAddress, 'SMTP:anna.berg@abc.corp');
    assert.equal(p.attributes.mailNickname, 'aberg');
  });

  it('GAL-07: a blank displayName rejects the user', () => {
    const dana = anna.clone('CN=Dana Lee,OU=Users,DC=abc,DC=corp').set('displayName', ['']);
    assert.deepEqual(blankRequiredAttributes(dana).value, ['displayName']);
    assert.equal(projectContact(dana, documented, 'DC=xyz,DC=corp').value.outcome, 'rejected');
  });

  it('GAL-07: an attribute the management agent does not import is blank in the metaverse', () => {
    const selected = [
      'objectClass',
      'cn',
      'displayName',
      'sAMAccountName',
      'mail',
      'msRTCSIP-PrimaryUserAddress',
    ];
    const all = { ...documented, source: { ...documented.source, attributes: selected } };
    assert.equal(projectContact(anna, all, 'DC=xyz,DC=corp').value.outcome, 'projected');
    for (const missing of ['sAMAccountName', 'cn']) {
      const flow = { ...all, source: { ...all.source, attributes: selected.filter((a) => a !== missing) } };
      assert.deepEqual(projectContact(anna, flow, 'DC=xyz,DC=corp').value, {
        outcome: 'rejected',
        blank: [missing],
      });
    }
  });

  it('GAL-03/04/05: address formats and DirSync export', () => {
    assert.equal(sipAddressFormat('carl.ortiz@abc.corp').value, 'bare');
    assert.equal(sipAddressFormat('sip:carl.ortiz@abc.corp').value, 'ok');
    assert.equal(targetAddressFormat('gus.hale@abc.corp').value, 'bare');
    assert.equal(targetAddressFormat('smtp:gus.hale@abc.corp').value, 'bare');
    assert.equal(targetAddressFormat('SMTP:gus.hale@abc.corp').value, 'ok');
    assert.equal(targetAddressFormat('SMTP:lync.policy task@abc.corp').value, 'malformed');
    const contact = new DirectoryEntry('CN=x,OU=GALSync,DC=xyz,DC=corp', {
      targetAddress: 'SMTP:x@abc.corp',
    });
    assert.equal(dirSyncExportsContact(contact).value, false);
    contact.set('mailNickname', ['x']);
    assert.equal(dirSyncExportsContact(contact).value, true);
  });
});
