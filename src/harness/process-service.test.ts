import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

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
