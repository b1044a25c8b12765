import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { mockFactories as serviceFactories } from '../../mocks/registry';
import { dockerApi } from './container/docker-api';
import { dockerEngine } from './container/engine';
import { ServiceSet } from './service-set';

/** Runs only where a Docker engine answers (CI starts one); embedded mode needs none. */
async function engineOrSkip(t: { skip(message: string): void }): Promise<boolean> {
  try {
    await dockerEngine();
    return true;
  } catch (error) {
    t.skip(String((error as Error).message));
    return false;
  }
}

async function ownContainers(service?: string) {
  const docker = dockerApi();
  const label = [
    `lync-harness.owner-pid=${process.pid}`,
    ...(service ? [`lync-harness.service=${service}`] : []),
  ];
  return docker.listContainers({ all: true, filters: { label } });
}

test('a service in a container answers its admin API; its death names it, also to later scenarios; nothing is left', {
  timeout: 120_000,
}, async (t) => {
  if (!(await engineOrSkip(t))) return;
  const name = Object.keys(serviceFactories)[0];
  assert.ok(name, 'at least one service is registered');
  const services = new ServiceSet('containers');
  try {
    const first = await services.get(name);
    assert.match(first.urls.admin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await first.admin.health()).status, 'ok');

    const [container] = await ownContainers(name);
    await dockerApi().getContainer(container.Id).kill();
    await assert.rejects(first.admin.journal(), (error: Error) => {
      assert.match(
        error.message,
        new RegExp(`service "${name}" died mid-run: its container exited with status 137`),
      );
      assert.match(error.message, /last log lines:\n.*LYNC_MOCK_READY/s);
      return true;
    });

    // The death is charged to the scenario that saw it; the next one that needs the service gets a new one.
    await services.beginScenario('after-the-death');
    const deaths = await services.takeDeaths();
    assert.equal(deaths.length, 1);
    assert.match(deaths[0].message, new RegExp(`service "${name}" died mid-run`));
    assert.deepEqual(await services.alive(), []);
    const second = await services.get(name);
    assert.notEqual(second, first);
    assert.equal((await second.admin.health()).status, 'ok');
  } finally {
    await services.stopAll();
  }
  assert.deepEqual(await ownContainers(), []);
});

test('Ctrl-C removes the containers the process started, then the process exits', {
  timeout: 120_000,
}, async (t) => {
  if (!(await engineOrSkip(t))) return;
  const name = Object.keys(serviceFactories)[0];
  const script = `const { ServiceSet } = require('./src/harness/service-set');
    new ServiceSet('containers').get(${JSON.stringify(name)}).then(() => { console.log('up'); setInterval(() => {}, 1000); });`;
  const child = spawn(process.execPath, ['--require', 'ts-node/register', '-e', script], {
    cwd: `${__dirname}/../..`,
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await once(child.stdout, 'data');
  const docker = dockerApi();
  const label = [`lync-harness.owner-pid=${child.pid}`];
  assert.equal((await docker.listContainers({ all: true, filters: { label } })).length, 1);
  child.kill('SIGINT');
  const [code, signal] = await once(child, 'exit');
  assert.ok(signal === 'SIGINT' || code === 130, `exited with ${code ?? signal}`);
  assert.deepEqual(await docker.listContainers({ all: true, filters: { label } }), []);
});
