import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { entriesFromRecords } from '../../src/tenant/entries-from-records';
import type { AttributeValue, DirectoryEntry } from '../../src/tenant/entry';
import { readLdif } from '../../src/tenant/ldif-reader';
import { decodeLdifFile } from '../../src/tenant/ldif-text';
import { loadTenant } from '../../src/tenant/load';
import { buildSampleTenant } from '../../src/tenant/sample';
import type { Tenant } from '../../src/tenant/tenant';
import { isOperational } from './ad-attributes';
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

  test(`${definition.name}: no defect but the planted ones (every mail address is one)`, () => {
    const bad = directory.forests.flatMap((f) =>
      f.entries.flatMap((e) =>
        e
          .texts('mail')
          .filter((m) => !/^[^@\s]+@[^@\s]+$/.test(m))
          .map((m) => `${e.dn}: ${m}`),
      ),
    );
    assert.deepEqual(bad, []);
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
