import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { probeIssuers } from '../../src/clients/tls/issuer-probe';
import { FrontEndReplicator } from '../../src/clients/tls/replication-client';
import { edgeInstallBody, frontEndCredentials } from '../../src/pki/fixtures';
import { issue } from '../../src/pki/issue';
import { EDGE_FQDN, edgeRootStore } from '../../src/pki/lab';
import { adminHeaders, type StartedMock } from '../admin';
import { sendBadInput } from './bad-input.fixture';
import { startEdgeMock } from './index';

let edge: StartedMock;
let port: number;
const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${edge.urls.admin}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: adminHeaders(),
  });

before(async () => {
  edge = await startEdgeMock();
  port = Number(new URL(edge.urls.https).port);
});
after(() => edge.stop());

/** openssl s_client's view: the "Acceptable client certificate CA names" and how many. */
function opensslCaNames(): Promise<{ count: number; noneSent: boolean }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'openssl',
      ['s_client', '-connect', `127.0.0.1:${port}`, '-tls1_2', '-servername', EDGE_FQDN],
      { timeout: 15_000, maxBuffer: 10_000_000 },
      (error, stdout) => {
        if (!stdout.includes('CONNECTED')) return reject(error ?? new Error('openssl did not connect'));
        const start = stdout.indexOf('Acceptable client certificate CA names');
        const block = start < 0 ? [] : stdout.slice(start).split('\n').slice(1);
        const end = block.findIndex((line) => !/^(C|DC) = /.test(line));
        resolve({
          count: start < 0 ? 0 : end,
          noneSent: stdout.includes('No client certificate CA names sent'),
        });
      },
    );
    child.stdin?.end();
  });
}

const cases: Array<[number, 'windows2008r2' | 'windows2012', number | undefined, number]> = [];
for (const os of ['windows2008r2', 'windows2012'] as const)
  for (const registry of [undefined, 0, 1])
    for (const roots of [100, 121, 300]) {
      const sends = registry === undefined ? os === 'windows2008r2' : registry === 1;
      cases.push([roots, os, registry, sends ? Math.min(roots, 119) : 0]);
    }

test('openssl s_client and probe-issuers read the same issuer list: 100, 121, 300 roots x OS x registry', async () => {
  for (const [roots, os, registry, expected] of cases) {
    const label = `${roots} roots, ${os}, SendTrustedIssuerList=${registry ?? 'unset'}`;
    assert.equal((await admin('PUT', '/__admin/data', await edgeInstallBody(roots, os))).status, 200, label);
    if (registry !== undefined) {
      await admin('PUT', '/__admin/registry', { SendTrustedIssuerList: registry });
      await admin('POST', '/__admin/restart');
    }
    const openssl = await opensslCaNames();
    const probe = await probeIssuers('127.0.0.1', port, EDGE_FQDN);
    assert.equal(openssl.count, expected, `openssl, ${label}`);
    assert.equal(openssl.noneSent, expected === 0, `openssl "No client certificate CA names sent", ${label}`);
    assert.equal(probe.names.length, expected, `probe, ${label}`);
    assert.ok(probe.bytes <= 16384, label);
    assert.equal(probe.limitStatus, expected === 119 ? 'at' : 'under', label);
  }
});

test("the Edge's issuer-list layout is the wire's list, name by name, and the rest of the store after it", async () => {
  await admin('PUT', '/__admin/data', await edgeInstallBody(300, 'windows2008r2'));
  const layout = (await (await admin('GET', '/__admin/issuer-list')).json()) as {
    source: string;
    sendsList: boolean;
    sent: number;
    names: Array<{ der: string; bytes: number }>;
  };
  const probe = await probeIssuers('127.0.0.1', port, EDGE_FQDN);
  assert.equal(layout.source, 'Root');
  assert.equal(layout.sendsList, true);
  assert.equal(layout.names.length, 300);
  assert.equal(layout.sent, probe.names.length);
  assert.deepEqual(
    layout.names.slice(0, layout.sent).map((n) => n.bytes),
    probe.nameBytes,
    'the sent names, in order, with the bytes the wire carried',
  );
  assert.equal(
    probe.nameBytes.reduce((a, b) => a + b, 0),
    probe.bytes,
  );
  const last = Buffer.from(layout.names[299].der, 'base64');
  assert.match(
    last.toString('latin1'),
    /ABC Corp Enterprise Root CA/,
    "ABC Corp's root is last in the store",
  );
});

test('the registry value only takes effect after a restart', async () => {
  await admin('PUT', '/__admin/data', await edgeInstallBody(300, 'windows2008r2'));
  await admin('PUT', '/__admin/registry', { SendTrustedIssuerList: 0 });
  assert.equal((await probeIssuers('127.0.0.1', port)).names.length, 119);
  await admin('POST', '/__admin/restart');
  assert.equal((await probeIssuers('127.0.0.1', port)).names.length, 0);
});

test('openssl sees the store Schannel names: Client Authentication Issuers on 2012 when filled, never Intermediate CA', async () => {
  const pems = async (n: number) => (await edgeRootStore(n)).map((c) => c.certPem);
  await admin('PUT', '/__admin/data', await edgeInstallBody(50, 'windows2008r2'));
  await admin('PUT', '/__admin/stores', { intermediate: await pems(300), clientAuthIssuers: await pems(30) });
  assert.equal((await opensslCaNames()).count, 50, '2008 R2: the Trusted Root store only');
  await admin('PUT', '/__admin/data', await edgeInstallBody(50, 'windows2012'));
  await admin('PUT', '/__admin/registry', { SendTrustedIssuerList: 1 });
  await admin('POST', '/__admin/restart');
  await admin('PUT', '/__admin/stores', { clientAuthIssuers: await pems(30) });
  assert.equal((await opensslCaNames()).count, 30, '2012: the Client Authentication Issuers store');
  await admin('PUT', '/__admin/stores', { clientAuthIssuers: [] });
  assert.equal((await opensslCaNames()).count, 50, '2012 with that store empty: Trusted Root again');
  assert.equal((await admin('PUT', '/__admin/stores', { clientAuthIssuers: ['nope'] })).status, 400);
});

test('a truncated answer to the replication push is a failed attempt, not a crash of the harness', async () => {
  const fe = await frontEndCredentials();
  const replicator = new FrontEndReplicator(fe.fqdn, fe.credentials, fe.trustedRootsPem);
  await admin('PUT', '/__admin/data', await edgeInstallBody(120));
  await admin('POST', '/__admin/faults', { kind: 'malformed', operation: 'replication.push', count: 1 });
  const attempt = await replicator.replicate(edge.urls.https, EDGE_FQDN, {
    version: 1,
    createdAt: '2014-12-01T09:00:00Z',
  });
  assert.equal(attempt.status.UpToDate, false);
  assert.match(attempt.failure ?? '', /the Edge answered HTTP 200 with a body that is not JSON/);
});

test('the Front End replicates within the limit and is refused past it, for the real reason', async () => {
  const fe = await frontEndCredentials();
  const replicator = new FrontEndReplicator(fe.fqdn, fe.credentials, fe.trustedRootsPem);
  await admin('PUT', '/__admin/data', await edgeInstallBody(120));
  const ok = await replicator.replicate(edge.urls.https, EDGE_FQDN, {
    version: 1,
    createdAt: '2014-12-01T09:00:00Z',
  });
  assert.equal(ok.status.UpToDate, true, ok.failure);
  await admin('PUT', '/__admin/data', await edgeInstallBody(121));
  const cut = await replicator.replicate(edge.urls.https, EDGE_FQDN, {
    version: 2,
    createdAt: '2014-12-01T10:00:00Z',
  });
  assert.equal(cut.status.UpToDate, false);
  assert.equal(cut.selection.offered, null);
  assert.match(cut.failure ?? '', /sent no certificate/);
  const journal = (await (
    await fetch(`${edge.urls.admin}/__admin/journal?operation=tls.handshake`, { headers: adminHeaders() })
  ).json()) as {
    entries: Array<{ outcome: { reason?: string } }>;
  };
  assert.ok(
    journal.entries.some(
      (e: { outcome: { reason?: string } }) => e.outcome.reason === 'the client sent no certificate',
    ),
  );
});

test('a client certificate from outside the store is refused with the reason in the journal', async () => {
  // Windows Server 2012 sends no list, so the client offers its certificate and the store decides.
  await admin('PUT', '/__admin/data', await edgeInstallBody(100, 'windows2012'));
  const stranger = await issue({
    label: 'stranger',
    subject: [{ CN: ['Stranger Root'] }],
    ca: true,
    serial: 99,
  });
  const replicator = new FrontEndReplicator(
    'stranger.example',
    [{ label: 'stranger', chainPem: stranger.certPem, keyPem: stranger.keyPem }],
    (await frontEndCredentials()).trustedRootsPem,
  );
  const attempt = await replicator.replicate(edge.urls.https, EDGE_FQDN, {
    version: 1,
    createdAt: '2014-12-01T09:00:00Z',
  });
  assert.equal(attempt.status.UpToDate, false);
  const journal = (await (
    await fetch(`${edge.urls.admin}/__admin/journal?operation=tls.handshake`, { headers: adminHeaders() })
  ).json()) as {
    entries: Array<{ outcome: { reason?: string } }>;
  };
  assert.ok(
    journal.entries.some((e) => /no trusted root issued "CN=Stranger Root"/.test(e.outcome.reason ?? '')),
  );
});

test('bad input on the TLS port is refused and the Edge keeps serving', async () => {
  await admin('PUT', '/__admin/data', await edgeInstallBody(100));
  const outcomes = await sendBadInput('127.0.0.1', port, 400);
  assert.equal(outcomes.length, 400);
  // TLS 1.0 is answered with a fatal protocol_version alert (70), the rest are dropped.
  for (const outcome of outcomes.filter((o) => o.startsWith('TLS 1.0 hello')))
    assert.match(outcome, /: 1503..000202(46|28)$/, outcome);
  const probe = await probeIssuers('127.0.0.1', port);
  assert.equal(probe.names.length, 100);
});

test('bad admin input is answered 400 naming the problem', async () => {
  const bad = await admin('PUT', '/__admin/data', { certPem: 'x', keyPem: 'y', roots: ['not a cert'] });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /roots\[0\] is not a PEM certificate/);
  assert.equal((await admin('PUT', '/__admin/registry', { SendTrustedIssuerList: 2 })).status, 400);
  assert.equal((await admin('PUT', '/__admin/data', { os: 'windows2016' })).status, 400);
});
