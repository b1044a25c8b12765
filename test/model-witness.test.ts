import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) sources(path, out);
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const files = ['src', 'steps', 'mocks', 'bench', 'scripts', 'fuzz', 'tools']
  .flatMap((d) => {
    try {
      return sources(join(ROOT, d));
    } catch {
      return [];
    }
  })
  .map((f) => ({ path: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

test('only src/model makes verdicts: no other code imports the verdict factory or constructs one', () => {
  const outside = files.filter((f) => !f.path.startsWith('src/model/'));
  const makers = outside.filter(
    (f) =>
      /import\s*\{[^}]*\bverdict\b[^}]*\}\s*from\s*'[^']*model\/verdict'/.test(f.text) ||
      /new\s+Verdict\s*\(/.test(f.text),
  );
  assert.deepEqual(
    makers.map((f) => f.path),
    [],
  );
});

test("no `witness: 'model'` observation is built outside the check from a model verdict", () => {
  const builders = files
    .filter((f) => /witness:\s*'model'/.test(f.text))
    .map((f) => f.path)
    // The report benchmark writes synthetic check records as messages: no check runs there.
    .filter((p) => !p.endsWith('.test.ts') && p !== 'bench/report/synthetic-run.ts');
  assert.deepEqual(builders, ['steps/support/verify.ts']);
});
