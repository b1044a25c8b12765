import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CATALOG_FILE, loadCatalog } from '../src/catalog/catalog';

const ROOT = join(__dirname, '..');
const catalog = loadCatalog();
const sources = readFileSync(join(ROOT, 'docs', 'sources.md'), 'utf8');
const anchors = new Set(
  [...sources.matchAll(/^#+ (.+)$/gm)].map((m) =>
    m[1]
      .toLowerCase()
      .replace(/[^\w\s-]/g, '')
      .replace(/\s+/g, '-'),
  ),
);

test('the catalog cites only files the repository ships, at headings they have', () => {
  assert.doesNotMatch(readFileSync(CATALOG_FILE, 'utf8'), /shared\//);
  for (const [key, source] of Object.entries(catalog.sources)) {
    const [file, anchor] = source.file.split('#');
    assert.ok(existsSync(join(ROOT, file)), `${key}: ${file} is not in the repository`);
    if (anchor) assert.ok(anchors.has(anchor), `${key}: ${file} has no heading #${anchor}`);
  }
});

test('every KB article, specification and RFC the catalog names is listed in docs/sources.md with an address', () => {
  const text = readFileSync(CATALOG_FILE, 'utf8');
  const named = new Set([...text.matchAll(/\b(KB\d{6,7}|MS-[A-Z0-9]+|RFC \d+)/g)].map((m) => m[1]));
  assert.ok(named.size >= 5, `only ${named.size} references named`);
  for (const ref of named) {
    const row = sources.split('\n').find((line) => line.startsWith(`| ${ref}`));
    assert.ok(row, `${ref} has no row in docs/sources.md`);
    assert.match(row, /https?:\/\//, `${ref}: its row gives no address`);
  }
});

test('the field notes are listed with the addresses they link to', () => {
  for (const post of ['Lync Online and External Contacts', 'Assign Lync policies based on AD group'])
    assert.ok(sources.includes(post), post);
  assert.match(sources, /howto-outlook\.com\/howto\/oabupdate\.htm/);
  assert.match(sources, /social\.technet\.microsoft\.com\/Forums/);
});

test('each divergence names a catalog rule and says what the notes say, what the harness checks and why', () => {
  assert.ok(catalog.divergences.some((d) => d.rule === 'OAB-05' && /48 hours/.test(d.notes)));
  assert.ok(catalog.divergences.some((d) => /get-csmanagementreplicationstore/.test(d.notes)));
});
