import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalDn, rdnOf } from '../../src/tenant/dn';
import { firstRdnValue, storedDn } from './dn-keys';

test('the quick stored form of a DN is exactly canonicalDn, and its first value rdnOf', () => {
  const dns = [
    'CN=Anna Berg,OU=Users,DC=abc,DC=corp',
    'CN=Renée Roy,OU=Réseau,DC=abc,DC=corp',
    'CN=Ren\\c3\\a9e Roy,OU=Staff,DC=abc,DC=corp',
    'cn = Anna ,ou=Users, DC=abc',
    'CN=Berg\\, Anna,OU=x',
    'CN=a=b,DC=x',
    'CN=C# devs,DC=x',
    'CN=\\#lead,DC=x',
    'CN="Quoted, Name",DC=x',
    'CN=a+UID=b,DC=x',
    'OID.2.5.4.3=x,DC=y',
    'DC=corp',
    '',
  ];
  for (const dn of dns) {
    assert.equal(storedDn(dn), canonicalDn(dn), dn);
    if (dn) assert.equal(firstRdnValue(storedDn(dn)), rdnOf(dn).value, dn);
  }
});
