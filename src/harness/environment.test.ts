import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readEntry, withLdap } from '../clients/ldap/ldap-client';
import { buildSampleTenant } from '../tenant/sample';
import { startEnvironment } from './environment';

/**
 * A worker's rule examples and tenant checks never need each other's services: a tenant check stops
 * the fixtures' (the run's peak is then the larger set, not both), and an example that comes after it
 * gets its services started and seeded again.
 */
test('a tenant check stops the services outside the tenant space; a later use starts them seeded', async () => {
  const env = startEnvironment({
    mode: 'embedded',
    fixtures: buildSampleTenant(),
    tenant: buildSampleTenant({ extraObjects: 10 }),
  });
  const alive = async () => (await env.services.alive()).map((s) => s.name).sort();
  try {
    await Promise.all([env.fixtures.directory('onpremises'), env.tenant.directory('onpremises')]);
    await env.reset('an example', { tenantCheck: false });
    assert.deepEqual(await alive(), ['ldap-onpremises', 'tenant/ldap-onpremises']);

    await env.reset('a tenant check', { tenantCheck: true });
    assert.deepEqual(await alive(), ['tenant/ldap-onpremises']);

    const again = await env.fixtures.directory('onpremises');
    assert.deepEqual(await alive(), ['ldap-onpremises', 'tenant/ldap-onpremises']);
    const head = await withLdap(again.admin, (client) => readEntry(client, again.forest.baseDn));
    assert.equal(head?.dn, again.forest.baseDn, 'the restarted DC holds the fixtures again');
  } finally {
    await env.stop();
  }
});
