import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MOCK_PROCESS_FLAGS, startProcessService } from './process-service';

const ROOT = join(__dirname, '..', '..');

/**
 * A service's handles are unreferenced once it is up, so the harness is never kept alive by it; but
 * stopping it must keep the harness alive until it has exited, or a harness with nothing else to do
 * (serve unwinding from a failed seed) ends silently with status 0 and never reports its error.
 */
test('stopping a service keeps the harness alive until the service has exited', () => {
  const script = `
    const { startProcessService } = require('./src/harness/process-service');
    startProcessService('ldap-onpremises')
      .then((service) => service.stop())
      .then(() => { console.log('stopped'); process.exitCode = 3; });
  `;
  const result = spawnSync(process.execPath, ['--require', 'ts-node/register', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.stdout.trim(), 'stopped', result.stderr);
  assert.equal(result.status, 3);
});

/** The command lines of this process's children. */
function childCommandLines(): string[][] {
  const pids = readdirSync('/proc/self/task').flatMap((task) =>
    readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(' ').filter(Boolean),
  );
  return pids.map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean));
}

test('a mock process runs under the mock V8 flags, and the image starts its services with the same', async () => {
  const service = await startProcessService('lync-fe');
  try {
    const mine = childCommandLines().find((argv) => argv.at(-1) === 'lync-fe');
    assert.ok(mine, 'the service runs in a process of its own');
    assert.deepEqual(mine.slice(1, 1 + MOCK_PROCESS_FLAGS.length), MOCK_PROCESS_FLAGS);
  } finally {
    await service.stop();
  }
  const entrypoint = readFileSync(join(ROOT, 'docker', 'Dockerfile'), 'utf8').match(/^ENTRYPOINT (.*)$/m);
  assert.ok(entrypoint, 'the Dockerfile has an exec-form ENTRYPOINT');
  const argv = JSON.parse(entrypoint[1]) as string[];
  assert.deepEqual(argv.slice(1, -1), MOCK_PROCESS_FLAGS);
});
