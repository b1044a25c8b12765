import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Every file under `from` that imports (or requires) a module under `to`, by relative path. */
function crossings(from: string, to: string): string[] {
  const target = join(ROOT, to);
  return sources(join(ROOT, from)).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?:from|require\(|import\()\s*'(\.[^']+)'/g)]
      .map((m) => join(file, '..', m[1]))
      .filter((imported) => imported === target || imported.startsWith(`${target}/`))
      .map((imported) => `${relative(ROOT, file)} imports ${relative(ROOT, imported)}`),
  );
}

test('the report reads what a run hands it (src/run), never the harness that ran it', () => {
  assert.deepEqual(crossings('src/report', 'src/harness'), []);
});

test('the mocks never import the harness that starts them (src/harness depends on mocks/, not the reverse)', () => {
  assert.deepEqual(crossings('mocks', 'src/harness'), []);
});
