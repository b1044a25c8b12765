import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGalSyncFlow } from '../clients/ldap/galsync-flow';
import { DirectoryEntry } from '../tenant/entry';
import {
  blankRequiredAttributes,
  dirSyncExportsContact,
  flowCarriesSip,
  type GalSyncFlow,
  projectContact,
  sipAddressFormat,
  targetAddressFormat,
} from './gal';

// Rule edges of src/model/gal.ts that a mutation run (docs/mutation.md) showed no test pinned down.

const outOfTheBox = loadGalSyncFlow();
const documented = loadGalSyncFlow(`${__dirname}/../../examples/galsync/documented.yaml`);
const user = (extra: Record<string, string> = {}) =>
  new DirectoryEntry('CN=Anna Berg,OU=Users,DC=abc,DC=corp', {
    objectClass: ['top', 'person', 'organizationalPerson', 'user'],
    cn: 'Anna Berg',
    displayName: 'Anna Berg',
    givenName: 'Anna',
    sAMAccountName: 'aberg',
    mail: 'anna.berg@abc.corp',
    ...extra,
  });
const attributesOf = (flow: GalSyncFlow, extra: Record<string, string> = {}) => {
  const p = projectContact(user(extra), flow, 'DC=xyz,DC=corp').value;
  assert.equal(p.outcome, 'projected');
  return p.outcome === 'projected' ? p.attributes : {};
};

test('GAL-02/03: a SIP address is absent, whole with sip:, bare, or malformed', () => {
  const format = (v?: string) => sipAddressFormat(v).value;
  assert.equal(format(undefined), 'absent');
  assert.equal(format('   '), 'absent', 'blank is absent');
  assert.deepEqual(sipAddressFormat(undefined).rules, ['GAL-02']);
  assert.equal(format('xsip:anna@abc.corp'), 'malformed', 'text before sip:');
  assert.equal(format('sip:anna@abc.corp x'), 'malformed', 'text after the domain');
  assert.equal(format('anna@abc.corp x'), 'malformed', 'a bare address with text after it');
  assert.equal(format('x y@abc.corp'), 'malformed', 'a blank in the user part');
  assert.equal(format('Anna Berg'), 'malformed', 'no address at all');
  assert.deepEqual(sipAddressFormat('Anna Berg').rules, ['GAL-03']);
});

test('GAL-04/05: targetAddress is absent, SMTP:, bare or malformed', () => {
  const format = (v?: string) => targetAddressFormat(v).value;
  assert.equal(format(undefined), 'absent');
  assert.equal(format(' '), 'absent');
  assert.deepEqual(targetAddressFormat(undefined).rules, ['GAL-05']);
  assert.equal(format('xsmtp:anna@abc.corp'), 'malformed', 'text before smtp:');
  assert.equal(format('SMTP:anna@abc.corp\nx'), 'malformed', 'a second line');
  assert.equal(format('SMTP:anna@abc.corp x'), 'malformed', 'text after the domain');
});

test('GAL-05/07: a blank value counts as no value', () => {
  const contact = new DirectoryEntry('CN=x,OU=GALSync,DC=xyz,DC=corp', {
    mailNickname: '  ',
    targetAddress: 'SMTP:x@abc.corp',
  });
  assert.equal(dirSyncExportsContact(contact).value, false);
  assert.deepEqual(blankRequiredAttributes(user({ sAMAccountName: ' ' })).value, ['sAMAccountName']);
  assert.deepEqual(projectContact(user({ displayName: '  ' }), documented, 'DC=xyz,DC=corp').value, {
    outcome: 'rejected',
    blank: ['displayName'],
  });
});

test('GAL-06 is named only when the flow fills an attribute from sAMAccountName', () => {
  assert.deepEqual(projectContact(user(), documented, 'DC=xyz,DC=corp').rules, ['GAL-01', 'GAL-06']);
  assert.deepEqual(projectContact(user(), outOfTheBox, 'DC=xyz,DC=corp').rules, ['GAL-01']);
});

test('GAL-02: the flow carries the SIP address when any rule writes it, whatever its case', () => {
  assert.equal(flowCarriesSip(documented).value, true);
  const upper = {
    ...outOfTheBox,
    flows: [...outOfTheBox.flows, { target: 'MSRTCSIP-PRIMARYUSERADDRESS', from: 'x' }],
  };
  assert.equal(flowCarriesSip(upper).value, true);
});

test('GAL-01: a rule with no source value writes nothing; strip removes only a prefix that is there', () => {
  const attributes = attributesOf(documented);
  assert.equal('msRTCSIP-PrimaryUserAddress' in attributes, false, 'no SIP address: the rule writes nothing');
  assert.equal('sn' in attributes, false);
  assert.equal(attributesOf(documented, { sn: '  ' }).sn, undefined, 'a blank value is no value');
  const bare = attributesOf(documented, { 'msRTCSIP-PrimaryUserAddress': 'anna.berg@abc.corp' });
  assert.equal(bare['msRTCSIP-PrimaryUserAddress'], 'sip:anna.berg@abc.corp', 'nothing to strip');
  const stripOnly = {
    ...outOfTheBox,
    flows: [
      { target: 'info', from: 'description', strip: 'sip:' },
      { target: 'nothing' },
      { target: 'both', template: '{givenName}.{sn}' },
      { target: 'given', template: '{givenName}@{mail}' },
    ],
  };
  const written = attributesOf(stripOnly, { description: 'SIP:anna@abc.corp' });
  assert.equal(written.info, 'anna@abc.corp', 'the prefix in any case');
  assert.equal(attributesOf(stripOnly, { description: 'tel:+1' }).info, 'tel:+1');
  assert.equal(attributesOf(stripOnly, { description: 'sip:  ' }).info, undefined, 'blank once stripped');
  assert.equal('nothing' in written, false, 'a rule with no source and no template');
  assert.equal('both' in written, false, 'a template with one value missing writes nothing');
  assert.equal(written.given, 'Anna@anna.berg@abc.corp');
  assert.equal(attributesOf(stripOnly, { sn: 'Berg' }).both, 'Anna.Berg');
});
