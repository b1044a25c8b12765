import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type FindingRow, FindingsEvidenceWriter } from '../run/findings-evidence';
import { FindingsEvidenceFile } from './findings-evidence-file';
import { FindingsIndex } from './findings-index';

/** Rows with the shapes that matter: non-ASCII DNs, commas, quotes and newlines in messages, no severity. */
function rows(rule: string, count: number, every = 1): FindingRow[] {
  return Array.from({ length: count }, (_, i) => ({
    rule,
    dn: `CN=Zoë ${i * every}\\, Jr.,OU=Staff,DC=abc,DC=corp`,
    forest: i % 3 ? 'abc.corp' : 'xyz.corp',
    outcome: i % 4 ? 'holds' : 'finding',
    ...(i % 4 ? {} : { severity: i % 8 ? 'warning' : 'blocking' }),
    message: `line one, "quoted"\nline two ${'x'.repeat(i % 50)} ✓`,
    witnesses: i % 5 ? ['model'] : ['model', 'ldap'],
  }));
}

function written(dir: string, list: FindingRow[]) {
  const writer = new FindingsEvidenceWriter(dir);
  for (const row of list) writer.write(row);
  return { ref: writer.close(), writer };
}

test('a findings evidence file is the JSON array of its rows, named by its SHA-256, with the counts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-findings-'));
  const list = rows('GAL-03', 30_000); // several megabytes: the reader crosses chunk boundaries
  const { ref, writer } = written(dir, list);
  const bytes = readFileSync(join(dir, ref.file));
  assert.deepEqual(JSON.parse(bytes.toString('utf8')), list);
  assert.equal(ref.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(ref.bytes, bytes.length);
  assert.equal(writer.findings, list.filter((r) => r.outcome === 'finding').length);
  assert.equal(writer.blocking, list.filter((r) => r.severity === 'blocking').length);
  assert.equal(writer.holds + writer.findings, list.length);
  assert.deepEqual(writer.sample, list.filter((r) => r.outcome === 'finding').slice(0, 20));

  const file = new FindingsEvidenceFile(join(dir, ref.file));
  const scanned = [...file.scan()];
  assert.deepEqual(
    scanned.map((s) => s.entry),
    list,
  );
  // Read back by position, backwards too (each read may need a new window).
  for (const s of [...scanned].reverse().slice(0, 2000)) assert.deepEqual(file.read(s.at, s.length), s.entry);
  file.close();
});

test('an empty check writes [], and a file of an older run (one line) reads the same', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-findings-'));
  const { ref } = written(dir, []);
  assert.equal(readFileSync(join(dir, ref.file), 'utf8'), '[]');
  assert.deepEqual([...new FindingsEvidenceFile(join(dir, ref.file)).scan()], []);
  const list = rows('POL-04', 50);
  writeFileSync(join(dir, 'old.json'), JSON.stringify(list));
  const old = new FindingsEvidenceFile(join(dir, 'old.json'));
  const scanned = [...old.scan()];
  assert.deepEqual(
    scanned.map((s) => s.entry),
    list,
  );
  assert.deepEqual(old.read(scanned[7].at, scanned[7].length), list[7]);
});

test('the index gives each object its outcomes from every file, objects in order of first appearance', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-findings-'));
  // Overlapping objects: the second file visits every other object of the first, and new ones.
  const lists = [rows('GAL-03', 3000), rows('SRCH-03', 4000, 2), rows('GAL-07', 500, 3)];
  const files = lists.map((list) => new FindingsEvidenceFile(join(dir, written(dir, list).ref.file)));
  const index = new FindingsIndex(files);
  for (const [f, file] of files.entries()) for (const found of file.scan()) index.add(f, found);
  const expected = new Map<string, FindingRow[]>();
  for (const row of lists.flat()) expected.set(row.dn, [...(expected.get(row.dn) ?? []), row]);
  assert.equal(index.objects, expected.size);
  assert.equal(index.findings, 7500);
  assert.deepEqual([...index.byObject()], [...expected.values()]);
});
