import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DirectoryEntry } from '../tenant/entry';
import { imButtonsFor } from './pres-tenant';

const contactWith = (sip: string) =>
  new DirectoryEntry('CN=Jed Hill,OU=GALSync,DC=xyz,DC=corp', {
    objectClass: ['top', 'contact'],
    'msRTCSIP-PrimaryUserAddress': sip,
  });

test('PRES-01 per contact: only a whole sip:user@domain value is a SIP address for the IM button', () => {
  assert.equal(imButtonsFor(contactWith('SIP:jed.hill@fabrikam.example')).value.outlook, true);
  assert.equal(imButtonsFor(contactWith('x-sip:jed.hill@fabrikam.example')).value.outlook, false);
  assert.equal(imButtonsFor(contactWith('sip:jed.hill@fabrikam.example jed')).value.outlook, false);
  assert.equal(imButtonsFor(contactWith('sip:jed.hill@fabrikam@example')).value.outlook, false);
});
