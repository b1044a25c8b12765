import assert from 'node:assert/strict';
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AllMocks } from './all-mocks.fixture';
import { type BigRequest, sendBig } from './big-request.fixture';
import { ADMIN_MAX_BODY, EWS_MAX_CONTENT, IIS_DEFAULT_MAX_CONTENT } from './http-limits';

/**
 * 200 MB sent to every endpoint of every mock is refused with a 413 while the mocks' process grows by
 * less than 50 MB. The mocks run in a child process so that only the server's memory is measured; the
 * child collects garbage before each reading (`--expose-gc`), so what counts is what it keeps.
 */
const BYTES = 200_000_000;
const MAX_GROWTH = 50_000_000;
let child: ChildProcess;
let mocks: AllMocks;

before(async () => {
  child = fork(join(__dirname, 'all-mocks.fixture.ts'), [], {
    execArgv: ['--require', 'ts-node/register', '--expose-gc'],
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });
  const [message] = (await once(child, 'message')) as [{ ready: AllMocks }];
  mocks = message.ready;
});
after(() => child.kill());

async function childRss(): Promise<number> {
  child.send('rss');
  const [message] = (await once(child, 'message')) as [{ rss: number }];
  return message.rss;
}

function endpoints(): Array<[string, Omit<BigRequest, 'bytes'>, number]> {
  const { urls, adminToken, edgeClient } = mocks;
  const basic = `Basic ${Buffer.from('pkim@xyz.corp:Pa55w.rd').toString('base64')}`;
  const soap = { authorization: basic, 'content-type': 'text/xml; charset=utf-8' };
  const bearer = { authorization: `Bearer ${adminToken}` };
  const oab = `${urls.exchange.http}/OAB/c6a1f0f4-5b7e-4a0b-8f3e-0d9a6b2c4e71/oab.xml`;
  return [
    ['EWS', { url: `${urls.exchange.http}/EWS/Exchange.asmx`, headers: soap }, EWS_MAX_CONTENT],
    ['POX Autodiscover', { url: urls.exchange.autodiscover, headers: soap }, IIS_DEFAULT_MAX_CONTENT],
    [
      'SOAP Autodiscover',
      { url: `${urls.exchange.http}/autodiscover/autodiscover.svc`, headers: soap },
      IIS_DEFAULT_MAX_CONTENT,
    ],
    ['OAB', { url: oab, method: 'GET', headers: { authorization: basic } }, IIS_DEFAULT_MAX_CONTENT],
    [
      'Lync Online',
      { url: `${urls['lync-online'].http}/ucwa/oauth/v1/applications/sip:pat.kim@xyz.corp/people/contacts` },
      IIS_DEFAULT_MAX_CONTENT,
    ],
    [
      'certificate provisioning',
      { url: `${urls['lync-fe'].http}/CertProv/CertProvisioningService.svc`, method: 'GET' },
      IIS_DEFAULT_MAX_CONTENT,
    ],
    [
      'Edge replication',
      { url: `${urls.edge.https}/ReplicationWebService`, tls: edgeClient },
      IIS_DEFAULT_MAX_CONTENT,
    ],
    ...Object.keys(urls).map((name): [string, Omit<BigRequest, 'bytes'>, number] => [
      `${name} admin API`,
      { url: `${urls[name].admin}/__admin/faults`, headers: bearer },
      ADMIN_MAX_BODY,
    ]),
  ];
}

for (const chunked of [false, true]) {
  const how = chunked ? 'chunked' : 'with its length declared';
  test(`200 MB ${how} is refused with a 413 by every endpoint; the mocks grow by < 50 MB`, {
    timeout: 60_000,
  }, async (t) => {
    for (const [name, request, limit] of endpoints()) {
      const before = await childRss();
      const outcome = await sendBig({ method: 'POST', ...request, bytes: BYTES, chunked });
      const growth = (await childRss()) - before;
      assert.equal(outcome.status, 413, `${name}: ${outcome.answer}`);
      assert.match(outcome.answer, new RegExp(`larger than ${limit} bytes`), name);
      assert.ok(outcome.sent < limit + 20_000_000, `${name}: the client got to send ${outcome.sent} bytes`);
      t.diagnostic(
        `${name}: sent ${(outcome.sent / 1e6).toFixed(1)} MB, grew ${(growth / 1e6).toFixed(1)} MB`,
      );
      assert.ok(growth < MAX_GROWTH, `${name}: the mocks grew by ${(growth / 1e6).toFixed(1)} MB`);
    }
  });
}
