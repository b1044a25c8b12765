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

/**
 * A tenant check keeps only the tenant's services it and the later stages read: the on-premises DC
 * stops once no stage reads it, and the online DC as soon as DirSync has read it for the cloud.
 */
test('a tenant check stops the tenant services no later stage reads; the cloud needs its DC until DirSync read it', async () => {
  const tenant = buildSampleTenant({ extraObjects: 10 });
  const env = startEnvironment({ mode: 'embedded', fixtures: tenant, tenant });
  const alive = async () => (await env.services.alive()).map((s) => s.name).sort();
  try {
    await Promise.all([env.tenant.directory('onpremises'), env.tenant.directory('online')]);
    await env.reset('GAL', {
      tenantCheck: true,
      needed: ['directory:onpremises', 'directory:online', 'cloud'],
    });
    assert.deepEqual(await alive(), ['ldap-online', 'ldap-onpremises']);

    await env.reset('SRCH, first', { tenantCheck: true, needed: ['cloud'] });
    assert.deepEqual(await alive(), ['ldap-online'], 'the cloud is not seeded yet: its DC stays');
    await env.tenant.cloud();
    assert.deepEqual(
      await alive(),
      ['exchange'],
      'no later stage reads the DC: it stopped once DirSync read it',
    );

    await env.reset('SRCH, second', { tenantCheck: true, needed: ['cloud', 'lync-online'] });
    assert.deepEqual(await alive(), ['exchange'], 'the seeded cloud needs its DC no more');

    await env.reset('PRES', { tenantCheck: true, needed: ['lync-online'] });
    assert.deepEqual(await alive(), []);
  } finally {
    await env.stop();
  }
});
