import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..');

test('docs/mutation.md scores every module of src/model, and only those', () => {
  const modules = readdirSync(join(ROOT, 'src', 'model'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => `src/model/${name}`);
  const doc = readFileSync(join(ROOT, 'docs', 'mutation.md'), 'utf8');
  // A score row: | `src/model/x.ts` | before | after | ...
  const rows = new Set([...doc.matchAll(/^\| `(src\/model\/[^`]+)`\s*\|/gm)].map((m) => m[1]));
  const missing = modules.filter((m) => !rows.has(m));
  assert.deepEqual(
    missing,
    [],
    'modules without a score row in docs/mutation.md (npm run mutation -- --mutate <module> scores one)',
  );
  const stale = [...rows].filter((m) => !modules.includes(m));
  assert.deepEqual(stale, [], 'score rows for modules that no longer exist');
  for (const module of modules)
    assert.ok(doc.includes(`### ${module}`), `${module}: a section with its survivors and their reasons`);
});
