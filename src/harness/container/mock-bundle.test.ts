import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { parseReadyLine } from '../../../mocks/ready-line';
import { AdminClient } from '../admin-client';
import { BUNDLE_FILE, bundleMocks, writeMockProgram } from './mock-bundle';

const esbuild = (() => {
  try {
    return require.resolve('esbuild');
  } catch {
    return undefined;
  }
})();
const needsEsbuild = { skip: esbuild ? false : 'esbuild is not installed (npm install)' };

let dir: string;
before(async () => {
  if (!esbuild) return;
  // Outside the project: no node_modules to fall back on, as in the image.
  dir = mkdtempSync(join(tmpdir(), 'mock-bundle-'));
  writeMockProgram(dir, await bundleMocks());
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
    const bundle = readFileSync(join(dir, BUNDLE_FILE), 'utf8');
    assert.ok(existsSync(join(dir, 'mocks', 'samba', 'schema-extension.ldif')));
    assert.match(
      bundle,
      /SCHEMA_LDIF = .*join\)\(require\("node:path"\)\.join\(__dirname, "samba"\), "schema-extension\.ldif"\)/,
    );
  },
);

test('the same sources bundle to the same hash', needsEsbuild, async () => {
  assert.equal((await bundleMocks()).hash, (await bundleMocks()).hash);
});
