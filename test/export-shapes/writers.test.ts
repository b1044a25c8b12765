import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { test } from 'node:test';
import { DirectoryEntry } from '../../src/tenant/entry';
import { readLdif } from '../../src/tenant/ldif-reader';
import { decodeLdifFile } from '../../src/tenant/ldif-text';
import { buildSampleTenant } from '../../src/tenant/sample';
import { ldapsearch } from './ldapsearch-writer';
import { SHAPES } from './shapes';

/** What each writer puts in the files: the marks of ldifde's and ldapsearch's output a reader must take. */
const sample = buildSampleTenant();
const built = SHAPES.map((definition) => ({
  definition,
  shape: { files: definition.files(definition.directory(sample)) },
}));

const text = (name: string, file = 0) => {
  const bytes = built.find((b) => b.definition.name === name)!.shape.files[file].bytes;
  return decodeLdifFile(bytes, name);
};
const bytesOf = (name: string) => built.find((b) => b.definition.name === name)!.shape.files[0].bytes;
const lines = (name: string, file = 0) => text(name, file).split(/\r?\n/);

test('ldifde: a blank first line, CRLF, changetype: add on every record, 80 columns, ASCII only', () => {
  const out = text('ldifde-domain');
  assert.ok(out.startsWith('\r\ndn: '));
  assert.equal(out.split('\r\n').length, out.split('\n').length);
  assert.equal((out.match(/^dn:/gm) ?? []).length, (out.match(/^changetype: add\r$/gm) ?? []).length);
  assert.ok(lines('ldifde-domain').every((l) => l.length <= 80));
  // ldifde folds a line past 80 columns after "name: ", then every 79 characters.
  assert.match(
    out,
    /^legacyExchangeDN: \r\n \/o=ABC\/ou=Exchange Administrative Group \(FYDIBOHF23SPDLT\)\/cn=Recipients\/cn=aber\r\n g\r$/m,
  );
  assert.ok(bytesOf('unusual-objects').every((b) => b < 0x80));
  assert.ok(/^dn:: /m.test(text('unusual-objects')), 'a non-ASCII DN in base64');
});

test('ldifde -u is UTF-16LE with a byte-order mark; the UTF-8 copy has one too, with raw text', () => {
  assert.deepEqual([...bytesOf('ldifde-unicode').subarray(0, 2)], [0xff, 0xfe]);
  assert.deepEqual([...bytesOf('utf8-bom').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(bytesOf('utf8-bom').includes(Buffer.from('cn: Renée Lambert')));
});

test('ldapsearch: -LLL folds at 76 columns, -o ldif-wrap=no never; no version line', () => {
  const wrapped = lines('ldapsearch-wrapped');
  assert.ok(wrapped.every((l) => l.length <= 76 || (l.startsWith('#') && l.length <= 77)));
  assert.ok(wrapped.some((l) => l.startsWith(' ')));
  assert.ok(!wrapped.some((l) => l.startsWith('version:')));
  assert.ok(wrapped.some((l) => l.startsWith('# refldap://')));
  const flat = lines('ldapsearch-nowrap');
  assert.ok(!flat.some((l) => l.startsWith(' ')) && flat.some((l) => l.length > 76));
});

test('ldapsearch without -LLL: header and entry comments, references and the search result trailer', () => {
  const extended = text('ldapsearch-commented', 0);
  assert.match(extended, /^# extended LDIF\n#\n# LDAPv3\n# base <DC=abc,DC=corp> with scope subtree\n/);
  assert.match(extended, /\n# Anna Berg, Users, abc\.corp\ndn: CN=Anna Berg,OU=Users,DC=abc,DC=corp\n/);
  assert.match(extended, /\n# search reference\nref: ldap:\/\/ForestDnsZones\.abc\.corp\//);
  assert.match(
    extended,
    /\n\n# search result\nsearch: 2\nresult: 0 Success\n\n# numResponses: \d+\n# numEntries: \d+\n/,
  );
  assert.match(text('ldapsearch-commented', 1), /^version: 1\n\n#\n# LDAPv3\n/);
});

test('ranged: member;range=0-1499 in the group, member;range=1500-* in a later record for it', () => {
  const out = text('ranged');
  const first = out.indexOf('\ndn: CN=All Staff,');
  const second = out.indexOf('\ndn: CN=All Staff,', first + 1);
  assert.ok(first > 0 && second > first);
  assert.equal((out.slice(first, second).match(/^member;range=0-1499: /gm) ?? []).length, 1500);
  assert.equal((out.slice(second).match(/^member;range=1500-\*: /gm) ?? []).length, 100);
  const records = readLdif(out, 'ranged');
  assert.deepEqual(
    records.filter((r) => 'ranges' in r && r.ranges).map((r) => (r as { ranges: unknown }).ranges),
    [{ member: [{ from: 0, to: 1499 }] }, { member: [{ from: 1500, to: '*' }] }],
  );
});

test('no-operational: no attribute AD keeps itself; deep-domain: no trace of the old names', () => {
  assert.ok(
    !/^(objectGUID|objectSid|objectCategory|whenCreated|uSN\w+|instanceType):/im.test(text('no-operational')),
  );
  const deep = text('deep-domain') + text('deep-domain', 1);
  assert.ok(!/abc\.corp|xyz\.corp|DC=abc,DC=corp|DC=xyz,DC=corp/i.test(deep));
  assert.match(deep, /^dn: CN=Anna Berg,OU=Users,DC=corp,DC=abc,DC=com\r$/m);
});

test('split-files: one forest as users, groups and contacts files, none with a role', () => {
  const shape = built.find((b) => b.definition.name === 'split-files')!.shape;
  assert.deepEqual(
    shape.files.map((f) => [f.name, f.role]),
    [
      ['abc-users.ldif', undefined],
      ['abc-groups.ldif', undefined],
      ['abc-contacts.ldif', undefined],
      ['xyz.ldif', undefined],
    ],
  );
});

test('ldapsearch folds a long comment inside a multi-byte character; the file still reads', () => {
  const dn = `CN=${'Ö'.repeat(40)},OU=Users,DC=abc,DC=corp`;
  const bytes = ldapsearch([new DirectoryEntry(dn, { cn: 'Ö'.repeat(40) })], {
    mode: 'extended',
    base: 'DC=abc,DC=corp',
  });
  assert.ok(!isUtf8(bytes), 'the comment fold splits a character, as OpenLDAP does');
  const [record] = readLdif(decodeLdifFile(bytes, 'split.ldif'), 'split.ldif');
  assert.equal((record as { entry: DirectoryEntry }).entry.dn, dn);
});
