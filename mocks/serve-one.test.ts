import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { parseReadyLine } from './ready-line';

test('a stray error or rejection in a mock process is logged and the service keeps serving', async () => {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register', join(__dirname, 'serve-one.ts'), 'lync-online'],
    {
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', LYNC_MOCK_TEST_STRAY_ERRORS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    let stderr = '';
    const bothLogged = new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk;
        if (stderr.includes('stray error (test)') && stderr.includes('stray rejection (test)')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the mock process died (${code}):\n${stderr}`)));
    });
    let admin = '';
    for await (const line of createInterface({ input: child.stdout })) {
      const ready = parseReadyLine(line);
      if (ready) {
        admin = ready.urls.admin;
        break;
      }
    }
    await bothLogged;
    assert.equal(child.exitCode, null, 'the process is alive');
    const health = await fetch(`${admin}/__admin/health`);
    assert.equal(health.status, 200);
    assert.match(stderr, /uncaught exception, still serving/);
    assert.match(stderr, /unhandled rejection, still serving/);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});
