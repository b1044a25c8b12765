import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { takeLoopbackAddress } from './loopback-address';

const ROOT = join(__dirname, '..', '..');
const HOLDER = `
const { takeLoopbackAddress } = require('./mocks/samba/loopback-address');
const held = takeLoopbackAddress();
console.log(held.address);
process.stdin.on('end', () => held.release());
process.stdin.resume();
`;

test('processes taking addresses at the same time each get one of their own', async () => {
  const children = Array.from({ length: 6 }, () =>
    spawn(process.execPath, ['-r', './scripts/register-ts.js', '-e', HOLDER], { cwd: ROOT }),
  );
  const addresses = await Promise.all(
    children.map(async (child) => {
      const [line] = await once(createInterface({ input: child.stdout }), 'line');
      return line as string;
    }),
  );
  for (const child of children) child.stdin.end();
  await Promise.all(children.map((child) => once(child, 'exit')));
  assert.equal(new Set(addresses).size, addresses.length, `shared: ${addresses.join(' ')}`);
  for (const a of addresses) assert.match(a, /^127\.0\.0\.(\d+)$/);
});

test("a dead process's lock is taken over, with this process's id written in it", () => {
  const first = takeLoopbackAddress();
  const lock = join(tmpdir(), 'lync-harness-samba-addresses', first.address);
  const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  writeFileSync(lock, dead.stdout.trim());
  const again = takeLoopbackAddress();
  try {
    assert.equal(again.address, first.address);
    assert.equal(readFileSync(lock, 'utf8'), String(process.pid));
  } finally {
    again.release();
  }
  assert.equal(existsSync(lock), false);
});

test('a lock without a process id yet (another process mid-claim) is never taken over', () => {
  const first = takeLoopbackAddress();
  const lock = join(tmpdir(), 'lync-harness-samba-addresses', first.address);
  first.release();
  writeFileSync(lock, '');
  const next = takeLoopbackAddress();
  try {
    assert.notEqual(next.address, first.address);
    assert.equal(readFileSync(lock, 'utf8'), '');
  } finally {
    next.release();
    rmSync(lock, { force: true });
  }
});
