import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { parseReadyLine } from '../../../mocks/ready-line';
import { AdminClient } from '../admin-client';
import {
  BUNDLE_FILE,
  bundleMocks,
  type Metafile,
  type MockBundle,
  PROJECT,
  writeMockProgram,
} from './mock-bundle';

const esbuild = (() => {
  try {
    return require.resolve('esbuild');
  } catch {
    return undefined;
  }
})();
const needsEsbuild = { skip: esbuild ? false : 'esbuild is not installed (npm install)' };

let dir: string;
let built: MockBundle;
before(async () => {
  if (!esbuild) return;
  // Outside the project: no node_modules to fall back on, as in the image.
  dir = mkdtempSync(join(tmpdir(), 'mock-bundle-'));
  built = await bundleMocks();
  writeMockProgram(dir, built);
});
after(() => dir && rmSync(dir, { recursive: true, force: true }));

test('the bundled program serves a mock with no node_modules and no TypeScript beside it', {
  timeout: 60_000,
  ...needsEsbuild,
}, async () => {
  assert.ok(!existsSync(join(dir, 'node_modules')));
  const child = spawn(process.execPath, [join(dir, BUNDLE_FILE), 'lync-online'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let admin = '';
    for await (const line of createInterface({ input: child.stdout })) {
      admin = parseReadyLine(line)?.urls.admin ?? '';
      if (admin) break;
    }
    assert.equal((await new AdminClient(admin).health()).status, 'ok');
  } finally {
    child.kill();
  }
});

test(
  "a module that reads a file beside itself finds it: samba's schema extension",
  needsEsbuild,
  async () => {
    const bundle = built.files.map((f) => Buffer.from(f.code).toString('utf8')).join('\n');
    assert.ok(existsSync(join(dir, 'mocks', 'samba', 'schema-extension.ldif')));
    assert.match(
      bundle,
      /SCHEMA_LDIF = join\d*\(__require\("node:path"\)\.join\(__dirname, "samba"\), "schema-extension\.ldif"\)/,
    );
  },
);

test('the same sources bundle to the same hash', needsEsbuild, async () => {
  assert.equal((await bundleMocks()).hash, (await bundleMocks()).hash);
});

test(
  "a process serving one mock reads no other mock's code: the entry and that mock's chunks hold only what the two import",
  needsEsbuild,
  () => {
    const { metafile } = built;
    const mocks = metafile.inputs['mocks/registry.ts'].imports
      .filter((i) => i.kind === 'dynamic-import')
      .map((i) => i.path);
    assert.deepEqual(mocks.sort(), mockModules(), 'the registry imports each mock module lazily');
    const entry = outputOf(metafile, ENTRY);
    for (const mock of mocks) {
      const chunk = outputOf(metafile, mock);
      const read = reach([entry, chunk], (o) => metafile.outputs[o].imports);
      const imported = new Set(reach([ENTRY, mock], (i) => metafile.inputs[i].imports));
      const foreign = read
        .flatMap((o) => Object.keys(metafile.outputs[o].inputs))
        .filter((i) => !imported.has(i));
      assert.deepEqual(foreign, [], `serving ${mock} reads code it does not import`);
    }
  },
);

const ENTRY = 'mocks/serve-one-main.ts';

/** Every mock module: mocks/<name>/index.ts, but the kit they are built with (mocks/admin). */
function mockModules(): string[] {
  return readdirSync(join(PROJECT, 'mocks'), { withFileTypes: true })
    .filter(
      (e) => e.isDirectory() && e.name !== 'admin' && existsSync(join(PROJECT, 'mocks', e.name, 'index.ts')),
    )
    .map((e) => `mocks/${e.name}/index.ts`)
    .sort();
}

/** The output file that starts with `input` (the program's entry, or a mock the registry imports lazily). */
function outputOf(metafile: Metafile, input: string): string {
  const found = Object.keys(metafile.outputs).find((o) => metafile.outputs[o].entryPoint === input);
  assert.ok(found, `${input} starts no output file of its own`);
  return found;
}

/** `from` and all they import statically, through `importsOf` (a lazy import() is not followed). */
function reach(
  from: string[],
  importsOf: (node: string) => Array<{ path: string; kind: string; external?: boolean }>,
): string[] {
  const seen = new Set<string>();
  const visit = (node: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const i of importsOf(node)) if (!i.external && i.kind !== 'dynamic-import') visit(i.path);
  };
  for (const node of from) visit(node);
  return [...seen];
}
