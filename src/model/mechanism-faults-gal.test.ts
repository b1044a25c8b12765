import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { loadGalSyncFlow } from '../clients/ldap/galsync-flow';
import { DirectoryEntry } from '../tenant/entry';
import { blankRequiredAttributes, dirSyncExportsContact, projectContact } from './gal';
import { useMechanism } from './mechanism';

// The model's side of the selftest's mechanism faults in GAL: each changed fact changes the decision that
// reads it (the mutation run showed no unit test reached these branches).

afterEach(() => useMechanism());

test('GAL-05/07: an export that needs targetAddress alone, a GALSync that projects blank users', () => {
  const contact = new DirectoryEntry('CN=Jed,OU=GALSync,DC=xyz,DC=corp', {
    objectClass: ['contact'],
    targetAddress: ['SMTP:jed@abc.corp'],
  });
  const blank = new DirectoryEntry('CN=Ann,DC=abc,DC=corp', {
    objectClass: ['user'],
    cn: ['Ann'],
    displayName: [' '],
  });
  assert.equal(dirSyncExportsContact(contact).value, false);
  assert.deepEqual(blankRequiredAttributes(blank).value, ['sAMAccountName', 'displayName']);
  useMechanism({ gal: { exportNeedsMailNickname: false, blankRequiredRejected: false } });
  assert.equal(dirSyncExportsContact(contact).value, true);
  assert.equal(
    dirSyncExportsContact(new DirectoryEntry(contact.dn, { objectClass: ['contact'] })).value,
    false,
  );
  assert.deepEqual(blankRequiredAttributes(blank).value, []);
});

test('GAL-01: a target forest without the Lync schema refuses a contact that would carry msRTCSIP-*, and only that one', () => {
  const documented = loadGalSyncFlow(`${__dirname}/../../examples/galsync/documented.yaml`);
  const base = 'DC=xyz,DC=corp';
  const person = (extra: Record<string, string>) =>
    new DirectoryEntry('CN=Anna Berg,OU=Users,DC=abc,DC=corp', {
      objectClass: ['user'],
      cn: 'Anna Berg',
      displayName: 'Anna Berg',
      sAMAccountName: 'aberg',
      mail: 'anna.berg@abc.corp',
      ...extra,
    });
  const lync = person({ 'msRTCSIP-PrimaryUserAddress': 'sip:anna.berg@abc.corp' });
  assert.equal(projectContact(lync, documented, base).value.outcome, 'projected');
  useMechanism({ gal: { targetSchemaHasLync: false } });
  const refused = projectContact(lync, documented, base);
  assert.deepEqual(refused.value, { outcome: 'rejected', blank: [] });
  assert.deepEqual(refused.rules, ['GAL-01']);
  assert.equal(
    projectContact(person({}), documented, base).value.outcome,
    'projected',
    'no SIP address to write: no Lync attribute, the contact is written',
  );
  assert.equal(projectContact(lync, loadGalSyncFlow(), base).value.outcome, 'projected', 'a flow without it');
  const spelt = {
    ...documented,
    flows: documented.flows.map((r) =>
      r.target === 'msRTCSIP-PrimaryUserAddress' ? { ...r, target: 'MSRTCSIP-PRIMARYUSERADDRESS' } : r,
    ),
  };
  assert.equal(projectContact(lync, spelt, base).value.outcome, 'rejected', 'attribute names ignore case');
});
