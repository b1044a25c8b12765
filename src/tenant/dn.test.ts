import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ancestorsOf,
  canonicalDn,
  DnSyntaxError,
  dnKey,
  dnsDomainOf,
  escapeDnValue,
  namingContextOf,
  parentDn,
  parentKey,
  parseDn,
  rdnOf,
} from './dn';

test('hex-escaped UTF-8, plain UTF-8, case and spaces around separators are one DN', () => {
  const forms = [
    'CN=Ren\\c3\\a9e Roy,OU=Staff,DC=abc,DC=corp',
    'CN=Renée Roy,OU=Staff,DC=abc,DC=corp',
    'cn = renée roy , ou=staff,dc=ABC, dc=corp',
    'CN=Ren\\C3\\A9e\\20Roy,OU=Staff,DC=abc,DC=corp',
    'CN="Renée Roy",OU=Staff;DC=abc,DC=corp',
  ];
  const keys = new Set(forms.map(dnKey));
  assert.equal(keys.size, 1, [...keys].join(' | '));
  assert.equal(canonicalDn(forms[0]), 'CN=Renée Roy,OU=Staff,DC=abc,DC=corp');
});

test('escaped specials stay inside the value, and a key comma always separates RDNs', () => {
  const dn = 'CN=Berg\\, Anna,OU=Users\\+Admins,DC=abc,DC=corp';
  assert.deepEqual(parseDn(dn)[0], [{ type: 'CN', value: 'Berg, Anna' }]);
  assert.equal(rdnOf(dn).value, 'Berg, Anna');
  assert.equal(dnKey(dn), 'cn=berg\\2c anna,ou=users\\2badmins,dc=abc,dc=corp');
  assert.equal(parentKey(dnKey(dn)), 'ou=users\\2badmins,dc=abc,dc=corp');
  assert.equal(dnKey('CN=Berg\\2C Anna,OU=Users\\2BAdmins,DC=abc,DC=corp'), dnKey(dn));
  assert.equal(canonicalDn(dn), dn);
  assert.equal(parentDn(dn), 'OU=Users\\+Admins,DC=abc,DC=corp');
});

test('escapes a value as AD writes it', () => {
  assert.equal(escapeDnValue('Berg, Anna'), 'Berg\\, Anna');
  assert.equal(escapeDnValue(' lead#'), '\\ lead#');
  assert.equal(escapeDnValue('#1 trail '), '\\#1 trail\\ ');
  assert.equal(escapeDnValue('a\\b=c'), 'a\\\\b\\=c');
  for (const v of ['Berg, Anna', ' x ', '#x', 'a+b;c<d>e"f\\g=h', 'Renée']) {
    assert.equal(parseDn(`CN=${escapeDnValue(v)}`)[0][0].value, v);
  }
});

test('naming context, DNS domain and ancestors, for domains of any depth', () => {
  const dn = 'CN=Pat,OU=Sales,OU=EMEA,DC=corp,DC=contoso,DC=com';
  assert.equal(namingContextOf(dn), 'DC=corp,DC=contoso,DC=com');
  assert.equal(dnsDomainOf(dn), 'corp.contoso.com');
  assert.deepEqual(ancestorsOf(dn), [
    'OU=Sales,OU=EMEA,DC=corp,DC=contoso,DC=com',
    'OU=EMEA,DC=corp,DC=contoso,DC=com',
    'DC=corp,DC=contoso,DC=com',
    'DC=contoso,DC=com',
    'DC=com',
  ]);
  assert.equal(namingContextOf('CN=Schema,CN=Configuration,DC=abc,DC=corp'), 'DC=abc,DC=corp');
  assert.equal(namingContextOf('OU=x'), '');
});

test('multi-valued RDNs compare as sets; the empty DN is the root', () => {
  assert.equal(dnKey('CN=a+UID=b,DC=x'), dnKey('uid=B+cn=A,dc=x'));
  assert.deepEqual(parseDn(''), []);
  assert.equal(dnKey(''), '');
});

test('malformed DNs are refused with the reason', () => {
  for (const bad of ['CN', 'CN=a,', '=a', 'CN=a\\', 'CN=\\ff\\fe', 'CN="open,DC=x', '1x=a']) {
    assert.throws(() => parseDn(bad), DnSyntaxError, bad);
  }
});

test('the quick key of plain DNs equals the parsed key', () => {
  const plain = [
    'CN=Anna Berg,OU=Users,DC=abc,DC=corp',
    ' cn = Anna  Berg , ou=Users,DC=abc,DC=corp ',
    'CN=Renée,DC=x',
    'CN=a (b),OU=Ü,DC=corp,DC=contoso,DC=com',
    '1.2.3=a,DC=x',
  ];
  for (const dn of plain) {
    const parsed = parseDn(dn)
      .map((rdn) => rdn.map((a) => `${a.type.toLowerCase()}=${a.value.toLowerCase()}`).join('+'))
      .join(',');
    assert.equal(dnKey(dn), parsed, dn);
  }
  assert.throws(() => dnKey('CN=a,,DC=x'), DnSyntaxError);
  assert.throws(() => dnKey('C N=a,DC=x'), DnSyntaxError);
  assert.equal(dnKey('CN=a=b,DC=x'), 'cn=a\\3db,dc=x');
});
