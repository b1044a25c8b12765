import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { entriesFromRecords } from '../../src/tenant/entries-from-records';
import { type AttributeValue, DirectoryEntry } from '../../src/tenant/entry';
import { readLdif } from '../../src/tenant/ldif-reader';
import { decodeLdifFile } from '../../src/tenant/ldif-text';
import { loadTenant } from '../../src/tenant/load';
import { buildSampleTenant } from '../../src/tenant/sample';
import type { Tenant } from '../../src/tenant/tenant';
import { isOperational } from './ad-attributes';
import { ldapsearch } from './ldapsearch-writer';
import { plantedDefects } from './planted';
import { buildShape, type ExportShape, SHAPES, type ShapeDefinition } from './shapes';

const sample = buildSampleTenant();
const built = SHAPES.map((definition) => {
  const directory = definition.directory(sample);
  return { definition, directory, shape: { name: definition.name, files: definition.files(directory) } };
});

const valueKey = (v: AttributeValue) =>
  typeof v === 'string' ? `s:${v}` : `b:${Buffer.from(v).toString('base64')}`;

/** Every file decoded and read into objects, keyed by lower-cased DN; the notes the reader left. */
function readBack(shape: Pick<ExportShape, 'files'>): {
  objects: Map<string, DirectoryEntry>;
  notes: string[];
} {
  const objects = new Map<string, DirectoryEntry>();
  const notes: string[] = [];
  for (const file of shape.files) {
    const read = entriesFromRecords(readLdif(decodeLdifFile(file.bytes, file.name), file.name), file.name);
    for (const entry of read.entries) {
      assert.ok(!objects.has(entry.dn.toLowerCase()), `${file.name}: ${entry.dn} is in two files`);
      objects.set(entry.dn.toLowerCase(), entry);
    }
    notes.push(...read.notes);
  }
  return { objects, notes };
}

/** The directory's objects the files hold, unchanged; only operational attributes may be added. */
function assertSameObjects(
  definition: ShapeDefinition,
  directory: Tenant,
  objects: Map<string, DirectoryEntry>,
) {
  const expected = directory.forests.flatMap((f) => f.entries.filter((e) => !definition.leavesOut?.(e, f)));
  for (const entry of expected) {
    const read = objects.get(entry.dn.toLowerCase());
    assert.ok(read, `${definition.name}: ${entry.dn} is missing`);
    for (const name of entry.names())
      assert.deepEqual(read.get(name).map(valueKey), entry.get(name).map(valueKey), `${entry.dn}: ${name}`);
    const added = read.names().filter((n) => !entry.has(n) && !isOperational(n));
    assert.deepEqual(added, [], `${definition.name}: ${entry.dn} gained attributes`);
  }
  assert.equal(objects.size, expected.length, `${definition.name}: objects the directory does not have`);
}

for (const { definition, directory, shape } of built) {
  test(`${definition.name}: every file decodes and reads into the directory's objects and values`, () => {
    const { objects, notes } = readBack(shape);
    assertSameObjects(definition, directory, objects);
    assert.deepEqual(notes, []);
    for (const { rule, dn } of plantedDefects(directory))
      assert.ok(objects.has(dn.toLowerCase()), `${rule} is planted on ${dn}, which no file holds`);
  });

  test(`${definition.name}: the loader merges the files into two forests by naming context`, () => {
    const dir = mkdtempSync(join(tmpdir(), `shape-${definition.name}-`));
    try {
      const files = shape.files.map((file) => {
        writeFileSync(join(dir, file.name), file.bytes);
        return `${file.role ? `${file.role}=` : ''}${join(dir, file.name)}`;
      });
      const loaded = loadTenant({ files, sampleSize: 0 });
      assert.deepEqual(
        loaded.forests.map((f) => [f.role, f.baseDn.toLowerCase()]),
        directory.forests.map((f) => [f.role, f.baseDn.toLowerCase()]),
      );
      for (const [i, forest] of loaded.forests.entries()) {
        const source = directory.forests[i];
        const kept = source.entries.filter((e) => !definition.leavesOut?.(e, source));
        // What the files leave out comes back when something in them lies below it (an empty OU cannot).
        const back = source.entries
          .filter((e) => definition.leavesOut?.(e, source))
          .filter((e) => kept.some((k) => k.dn.toLowerCase().endsWith(`,${e.dn.toLowerCase()}`)));
        assert.deepEqual(
          forest.addedByHarness.map((dn) => dn.toLowerCase()).sort(),
          back.map((e) => e.dn.toLowerCase()).sort(),
        );
        assert.equal(forest.entries.length, kept.length + back.length);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

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

const SAMPLE_DEFECTS = [
  ['GAL-03', 'CN=Carl Ortiz,OU=GALSync,DC=xyz,DC=corp'],
  ['GAL-04', 'CN=Gus Hale,OU=GALSync,DC=xyz,DC=corp'],
  ['GAL-05', 'CN=Fiona Grant,OU=GALSync,DC=xyz,DC=corp'],
  ['GAL-07', 'CN=Dana Lee,OU=Users,DC=abc,DC=corp'],
  ['POL-04', 'CN=Mia Stone,OU=Users,DC=abc,DC=corp'],
  ['SRCH-06', 'CN=Sam Wu,OU=Users,DC=xyz,DC=corp'],
];

const plantedOf = (name: string) => {
  const definition = SHAPES.find((d) => d.name === name)!;
  return buildShape(definition, sample).planted.map((p) => [p.rule, p.dn]);
};

test("planted: each shape made from the sample carries the sample's defects, on the same objects", () => {
  for (const { name } of SHAPES.filter((d) => !['deep-domain', 'other-tenant'].includes(d.name)))
    assert.deepEqual(plantedOf(name), SAMPLE_DEFECTS, name);
  const renamed = SAMPLE_DEFECTS.map(([rule, dn]) => [
    rule,
    dn.replace('DC=abc,DC=corp', 'DC=corp,DC=abc,DC=com').replace('DC=xyz,DC=corp', 'DC=emea,DC=xyz,DC=net'),
  ]);
  assert.deepEqual(plantedOf('deep-domain'), renamed);
});

test("planted: the other tenant has its own defects, none of the sample's people or domains", () => {
  assert.deepEqual(plantedOf('other-tenant'), [
    ['GAL-03', 'CN=Luis Ferreira,OU=GALSync,DC=fabrikam,DC=net'],
    ['GAL-04', 'CN=Priya Nair,OU=GALSync,DC=fabrikam,DC=net'],
    ['GAL-05', 'CN=Omar Haddad,OU=GALSync,DC=fabrikam,DC=net'],
    ['GAL-07', 'CN=Greta Nilsson,OU=Users,DC=corp,DC=contoso,DC=com'],
    ['POL-04', 'CN=Chloé Martin,OU=Users,DC=corp,DC=contoso,DC=com'],
    ['POL-04', 'CN=Hana Sato,OU=Users,DC=corp,DC=contoso,DC=com'],
    ['POL-04', 'CN=Ines Duarte,OU=Users,DC=corp,DC=contoso,DC=com'],
    ['SRCH-06', 'CN=Zara Ahmed,OU=Users,DC=fabrikam,DC=net'],
  ]);
  const files = built.find((b) => b.definition.name === 'other-tenant')!.shape.files;
  const all = files.map((f) => decodeLdifFile(f.bytes, f.name)).join('\n');
  const names = sample.forests.flatMap((f) =>
    f.entries.filter((e) => e.isA('user')).map((e) => e.first('cn')!),
  );
  assert.ok(!/abc\.corp|xyz\.corp|DC=abc|DC=xyz/i.test(all));
  assert.deepEqual(
    names.filter((n) => all.includes(`CN=${n},`)),
    [],
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
