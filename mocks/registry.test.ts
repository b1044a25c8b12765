import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminHeaders } from './admin';
import { mockFactories } from './registry';

const loaded = (part: string) => Object.keys(require.cache).some((file) => file.includes(part));

test('the registry loads with every service named but no mock module loaded; a factory loads only its own', async () => {
  const factories = mockFactories;
  assert.ok(Object.keys(factories).length > 0);
  assert.ok(!loaded('/mocks/exchange/'), 'the Exchange mock (and msw) stays unloaded');
  assert.ok(!loaded('/mocks/ldap/'));
  const name = Object.keys(factories).find((n) => !n.startsWith('exchange')) as string;
  const mock = await factories[name]({ host: '127.0.0.1', port: 0 });
  try {
    const health = (await (
      await fetch(`${mock.urls.admin}/__admin/health`, { headers: adminHeaders() })
    ).json()) as { status: string };
    assert.equal(health.status, 'ok');
    assert.ok(!loaded('/mocks/exchange/'), `starting ${name} did not load the Exchange mock`);
  } finally {
    await mock.stop();
  }
});
