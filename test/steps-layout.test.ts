import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const STEPS = join(__dirname, '..', 'steps');
/** Folders every area may import: the World and its verbs, and what SRCH and OAB share. */
const SHARED = new Set(['support', 'exchange']);

const stepFiles = readdirSync(STEPS).flatMap((area) =>
  readdirSync(join(STEPS, area))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ area, name, text: readFileSync(join(STEPS, area, name), 'utf8') })),
);

test("an area's steps import only their own folder and the shared ones", () => {
  const crossings = stepFiles.flatMap((f) =>
    [...f.text.matchAll(/from '\.\.\/([\w-]+)\//g)]
      .map((m) => m[1])
      .filter((target) => target !== f.area && !SHARED.has(target))
      .map((target) => `steps/${f.area}/${f.name} imports steps/${target}`),
  );
  assert.deepEqual(crossings, []);
});

test('every parameter type is defined in steps/support/parameter-types.ts', () => {
  const elsewhere = stepFiles
    .filter((f) => /\bdefineParameterType\s*\(/.test(f.text))
    .map((f) => `steps/${f.area}/${f.name}`)
    .filter((path) => path !== 'steps/support/parameter-types.ts');
  assert.deepEqual(elsewhere, []);
});
