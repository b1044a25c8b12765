import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const REGISTER = join(__dirname, '..', 'scripts', 'register-ts.js');

/** Loads `file` in a fresh Node through the hook; prints whether the compiler was loaded and the error's frame. */
function load(file: string) {
  const probe = `require(${JSON.stringify(REGISTER)});
    let frame = '';
    try { require(${JSON.stringify(file)}).fail(); } catch (e) { frame = e.stack.split('\\n')[1].trim(); }
    const compiler = Object.keys(require.cache).some((k) => k.endsWith('typescript.js'));
    console.log(JSON.stringify({ frame, compiler }));`;
  const child = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as { frame: string; compiler: boolean };
}

test('a .ts file is transpiled once: the next start takes it from the cache without the compiler', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'lh-register-')), 'sample.ts');
  // Unique content, so no earlier run has it cached.
  writeFileSync(
    file,
    `// ${randomUUID()}\ninterface Shape {\n  sides: number;\n}\n` +
      `export function fail(shape: Shape = { sides: 3 }): never {\n  throw new Error(String(shape.sides));\n}\n`,
  );
  const first = load(file);
  assert.equal(first.compiler, true, 'the first load transpiles');
  const second = load(file);
  assert.equal(second.compiler, false, 'the second load reads the cache');
  for (const run of [first, second])
    assert.match(run.frame, /sample\.ts:6:\d+\)$/, 'TypeScript line numbers');
});
