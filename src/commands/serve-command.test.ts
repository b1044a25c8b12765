import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = join(__dirname, '..', '..', 'bin', 'lync-harness.js');

it('serve prints an ldapsearch line for each domain controller that works as printed', async () => {
  const child = spawn(process.execPath, [BIN, 'serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not come up:\n${out}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('press Ctrl-C')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
    });
    const lines = out.split('\n').filter((l) => l.trim().startsWith('try') && l.includes('ldapsearch'));
    assert.equal(lines.length, 2, out);
    for (const line of lines) {
      const { stdout } = await run('sh', ['-c', line.trim().replace(/^try\s+/, '')]);
      assert.match(stdout, /^dn: CN=/m);
      assert.match(stdout, /^# numEntries: \d+/m);
    }
  } finally {
    child.kill('SIGINT');
  }
});
