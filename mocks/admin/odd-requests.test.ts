import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adminHeaders, type JournalEntry, type StartedMock } from '.';
import { type AllMocks, startAllMocks } from './all-mocks.fixture';
import { type BigRequest, sendBig, sendRaw } from './big-request.fixture';

/**
 * Every HTTP server of every mock, in this process: odd request targets and methods get 4xx (never
 * 500), a client that hangs up mid-body is journaled, and none of it is an unhandled rejection or an
 * uncaught exception. Both are listened for while the tests run.
 */
let mocks: Record<string, StartedMock>;
let info: AllMocks;
const stray: unknown[] = [];
const onStray = (reason: unknown) => stray.push(reason);

before(async () => {
  process.on('unhandledRejection', onStray);
  process.on('uncaughtException', onStray);
  ({ mocks, info } = await startAllMocks());
});
after(async () => {
  await Promise.all(Object.values(mocks).map((m) => m.stop()));
  process.off('unhandledRejection', onStray);
  process.off('uncaughtException', onStray);
});

/** Each HTTP server: how to reach it, a path that reads a body, and the admin API of its journal. */
function servers(): Array<[string, Omit<BigRequest, 'bytes'>, string, string]> {
  const { urls, edgeClient } = info;
  const ucwa = '/ucwa/oauth/v1/applications/sip:pat.kim@xyz.corp/people/contacts';
  return [
    ['exchange', { url: urls.exchange.http }, '/EWS/Exchange.asmx', urls.exchange.admin],
    ['lync-online', { url: urls['lync-online'].http }, ucwa, urls['lync-online'].admin],
    [
      'lync-fe',
      { url: urls['lync-fe'].http },
      '/CertProv/CertProvisioningService.svc',
      urls['lync-fe'].admin,
    ],
    ['edge', { url: urls.edge.https, tls: edgeClient }, '/ReplicationWebService', urls.edge.admin],
    ['edge admin', { url: urls.edge.admin, headers: adminHeaders() }, '/__admin/faults', urls.edge.admin],
    ['ldap admin', { url: urls.ldap.admin, headers: adminHeaders() }, '/__admin/faults', urls.ldap.admin],
  ];
}

/** Asks until `holds` is true (each question is a round trip, so the server gets to run). */
async function until(holds: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) if (await holds()) return;
  assert.fail(`never saw ${what}`);
}

async function journal(admin: string, operation: string): Promise<JournalEntry[]> {
  const r = await fetch(`${admin}/__admin/journal?operation=${operation}`, { headers: adminHeaders() });
  return ((await r.json()) as { entries: JournalEntry[] }).entries;
}

test('odd targets and methods are 400, 404 or 405 on every server, never 500', {
  timeout: 60_000,
}, async () => {
  const cases: Array<[string, string, RegExp]> = [
    ['GET', '*', /^400$/],
    ['GET', '/OAB/c6a1f0f4-5b7e-4a0b-8f3e-0d9a6b2c4e71/%C0%AF', /^400$/],
    ['GET', '/%C0%AE%C0%AE/etc/passwd', /^400$/],
    ['GET', '/x/%ZZ', /^400$/],
    ['GET', 'http://elsewhere.example/no/such/path', /^404$/],
    ['TRACE', '/', /^40[45]$/],
    ['DELETE', '/x', /^40[45]$/],
  ];
  for (const [name, request] of servers())
    for (const [method, target, status] of cases) {
      const r = await sendRaw({ ...request, method, target });
      assert.match(String(r.status), status, `${name}: ${method} ${target}: ${r.answer.slice(0, 200)}`);
    }
});

test('an absolute-form target is served like its path (Autodiscover over a proxy-style request line)', {
  timeout: 60_000,
}, async () => {
  const body =
    '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"><Request>' +
    '<EMailAddress>pat.kim@xyz.corp</EMailAddress></Request></Autodiscover>';
  const absolute = await sendRaw({
    url: info.urls.exchange.http,
    method: 'POST',
    target: 'http://autodiscover.xyz.corp/autodiscover/autodiscover.xml',
    headers: {
      authorization: `Basic ${Buffer.from('pkim@xyz.corp:Pa55w.rd').toString('base64')}`,
      'content-type': 'text/xml',
    },
    body,
  });
  assert.equal(absolute.status, 200, absolute.answer);
  assert.match(absolute.answer, /<ASUrl>http:\/\/autodiscover\.xyz\.corp\/EWS\/Exchange\.asmx<\/ASUrl>/);
});

test('a client that hangs up mid-body is journaled by every server, which goes on serving', {
  timeout: 60_000,
}, async () => {
  for (const [name, request, path, admin] of servers()) {
    for (const chunked of [false, true]) {
      const target = `${path}?hang-up=${chunked ? 'chunked' : 'declared'}`;
      await sendBig({ ...request, method: 'POST', target, bytes: 1_000_000, chunked, abortAfter: 1 });
      const journaled = async () =>
        (await journal(admin, 'http.aborted')).some((e) => e.request.target === target);
      await until(journaled, `${name}: the hang-up of ${target} in the journal`);
    }
    assert.equal((await fetch(`${admin}/__admin/health`)).status, 200, name);
  }
  assert.deepEqual(stray, []);
});

test('an admin body that is JSON but not an object is a 400 naming what it is, on every mock', async () => {
  const cases: Array<[string, string, string]> = [
    ['POST', '/__admin/reset', 'null'],
    ['POST', '/__admin/reset', '[]'],
    ['POST', '/__admin/correlation', '1'],
    ['PUT', '/__admin/clock', '"2014-12-01T00:00:00Z"'],
    ['POST', '/__admin/clock/advance', 'true'],
    ['POST', '/__admin/faults', 'null'],
  ];
  for (const [name, mock] of Object.entries(mocks))
    for (const [method, path, body] of cases) {
      const r = await fetch(`${mock.urls.admin}${path}`, { method, body, headers: adminHeaders() });
      const text = await r.text();
      assert.equal(r.status, 400, `${name} ${method} ${path} ${body}: ${text}`);
      assert.match(text, /the body must be a JSON object, not (null|an array|a number|a string|a boolean)/);
    }
  for (const [name, mock] of Object.entries(mocks))
    for (const body of ['null', '1']) {
      const r = await fetch(`${mock.urls.admin}/__admin/data`, {
        method: 'PUT',
        body,
        headers: adminHeaders(),
      });
      assert.equal(r.status, 400, `${name} PUT /__admin/data ${body}: ${await r.text()}`);
    }
  const exchange = mocks.exchange.urls.admin;
  const schedule = await fetch(`${exchange}/__admin/oab/schedule`, {
    method: 'PUT',
    body: 'null',
    headers: adminHeaders(),
  });
  assert.equal(schedule.status, 400, 'the Exchange OAB schedule route reads its body the same way');
  assert.deepEqual(stray, []);
});
