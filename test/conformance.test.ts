import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { connect } from 'node:tls';
import { Client } from 'ldapts';
import type { Fault } from '../mocks/admin';
import { mockFactories } from '../mocks/registry';
import { dockerEngine } from '../src/harness/container/engine';
import { type ServiceMode, ServiceSet, type StartedService } from '../src/harness/service-set';

/**
 * What every service promises the harness, checked for each registered mock in both modes: health
 * names the service; reset clears the journal and the faults not asked to persist, rewinds the clock
 * and sets the correlation ID; the clock is set and advanced; one request on the service's own
 * protocol is journaled; faults are listed and cleared; stop is idempotent and leaves nothing serving.
 * Samba's DC is a real directory, not a mock, and is checked by its own tests.
 */
const SERVICES = Object.keys(mockFactories).filter((name) => !name.startsWith('samba-'));

// Started services hold no handle that keeps a process alive (the harness decides when it ends): this file does.
const keepAlive = setInterval(() => {}, 60_000);
after(() => clearInterval(keepAlive));

/** One request on the service's own protocol port, which the service journals. */
const touch: Record<string, (urls: Record<string, string>) => Promise<unknown>> = {
  edge: (urls) => tlsHello(urls.https),
  exchange: (urls) => fetch(`${urls.http}/conformance`),
  'ldap-onpremises': (urls) => ldapRootDse(urls.ldap),
  'ldap-online': (urls) => ldapRootDse(urls.ldap),
  'lync-fe': (urls) => fetch(`${urls.http}/conformance`),
  'lync-online': (urls) => fetch(`${urls.http}/conformance`),
};

async function ldapRootDse(url: string): Promise<void> {
  const client = new Client({ url });
  try {
    await client.search('', { scope: 'base', attributes: ['supportedLDAPVersion'] });
  } finally {
    await client.unbind();
  }
}

function tlsHello(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port), rejectUnauthorized: false });
    const done = () => {
      socket.destroy();
      resolve();
    };
    socket.once('secureConnect', done);
    socket.once('error', done);
  });
}

async function faults(service: StartedService): Promise<Fault[]> {
  return service.admin.faults();
}

async function conforms(service: StartedService, name: string): Promise<void> {
  const health = await service.admin.health();
  assert.equal(health.service, name, 'health names the service');
  assert.equal(health.status, 'ok');

  await service.admin.injectFault({ kind: 'delay', delayMs: 1, operation: 'conformance.none' });
  await service.admin.injectFault({
    kind: 'delay',
    delayMs: 1,
    operation: 'conformance.kept',
    persist: true,
  });
  const start = await service.admin.now();
  await service.admin.advanceClock(3_600_000);
  assert.equal((await service.admin.now()).getTime(), start.getTime() + 3_600_000, 'the clock advances');
  await service.admin.reset('conformance-1');
  assert.equal((await service.admin.now()).getTime(), start.getTime(), 'reset rewinds the clock');
  assert.deepEqual(
    (await faults(service)).map((f) => f.operation),
    ['conformance.kept'],
    'reset clears the faults not asked to persist',
  );
  assert.deepEqual(await service.admin.journal(), [], 'reset cleared the journal');
  await service.admin.clearFaults();
  assert.deepEqual(await faults(service), [], 'DELETE /__admin/faults clears every fault');

  const when = new Date('2015-03-09T12:00:00Z');
  await service.admin.setClock(when);
  assert.equal((await service.admin.now()).toISOString(), when.toISOString(), 'the clock is set');

  const scheduled = (await service.admin.journal()).length;
  await touch[name](service.urls);
  const entries = await service.admin.journal();
  assert.ok(entries.length > scheduled, 'a request on its own protocol is journaled');
  const request = entries[entries.length - 1];
  assert.equal(request.service, name);
  assert.equal(request.correlationId, 'conformance-1', 'with the correlation ID given at reset');
  assert.equal(request.at, when.toISOString(), 'at the virtual time');

  await service.stop();
  await service.stop();
  await assert.rejects(service.admin.health(), 'nothing answers after stop');
}

async function engineAnswers(): Promise<string | undefined> {
  try {
    await dockerEngine();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

for (const mode of ['embedded', 'containers'] as ServiceMode[]) {
  describe(`conformance, ${mode} mode`, () => {
    const services = new ServiceSet(mode);
    after(() => services.stopAll());
    for (const name of SERVICES)
      test(`${name}: health, reset, clock, journal, faults, idempotent stop`, {
        timeout: 120_000,
      }, async (t) => {
        if (mode === 'containers') {
          const noEngine = await engineAnswers();
          if (noEngine) return t.skip(noEngine);
        }
        assert.ok(touch[name], `no protocol request known for ${name}: add one to the conformance suite`);
        await conforms(await services.get(name), name);
      });
  });
}
