import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LyncOnPremisesClient } from '../../src/clients/tls/lync-onpremises';
import { LyncPhone } from '../../src/clients/tls/phone';
import { phoneFactoryRoots, poolInstallBody } from '../../src/pki/fixtures';
import { POOL_FQDN } from '../../src/pki/lab';
import { adminHeaders, type StartedMock } from '../admin';
import { sendBadInput } from '../edge/bad-input.fixture';
import { fullFileName } from './address-book';
import { CERT_PROV_PATH } from './cert-prov';
import { startLyncFeMock } from './index';

let fe: StartedMock;
before(async () => {
  fe = await startLyncFeMock();
  const loaded = await fetch(`${fe.urls.admin}/__admin/data`, {
    method: 'PUT',
    headers: adminHeaders(),
    body: JSON.stringify(await poolInstallBody('via intermediate')),
  });
  assert.equal(loaded.status, 200);
});
after(() => fe.stop());

const run = (cmd: string, args: string[]) =>
  new Promise<{ code: number; out: string }>((resolve) => {
    const child = execFile(cmd, args, { timeout: 15_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as NodeJS.ErrnoException).code ?? 1) : 0, out: stdout + stderr }),
    );
    child.stdin?.end();
  });

/** `openssl s_client` against the registrar, as the pool's FQDN; its output. */
const sClient = async (...extra: string[]) => {
  const port = new URL(fe.urls.sip).port;
  return (
    await run('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', POOL_FQDN, ...extra])
  ).out;
};

test('curl fetches the certificate chain over plain HTTP, and openssl reads both certificates', async () => {
  const { code, out } = await run('curl', ['-sS', '-f', `${fe.urls.http}${CERT_PROV_PATH}`]);
  assert.equal(code, 0, out);
  assert.equal(out.match(/BEGIN CERTIFICATE/g)?.length, 2);
  const subjects = await run('sh', [
    '-c',
    `curl -sS ${fe.urls.http}${CERT_PROV_PATH} | openssl storeutl -noout -text -certs /dev/stdin | grep Subject:`,
  ]);
  assert.match(subjects.out, /Secure Server CA - G3/);
});

test('the registrar presents its leaf alone: openssl s_client sees a chain of one', async () => {
  const out = await sClient('-showcerts');
  assert.equal(out.match(/BEGIN CERTIFICATE/g)?.length, 1, out);
  assert.match(out, /verify error:num=(20|21)/);
});

test('unknown paths and methods get HTTP errors; bad admin data is refused with 400', async () => {
  assert.equal((await fetch(`${fe.urls.http}/nothing`)).status, 404);
  assert.equal((await fetch(`${fe.urls.http}${CERT_PROV_PATH}`, { method: 'POST' })).status, 405);
  const bad = await fetch(`${fe.urls.admin}/__admin/data`, {
    method: 'PUT',
    headers: adminHeaders(),
    body: JSON.stringify({ chainPem: 'x' }),
  });
  assert.equal(bad.status, 400);
  const twoCerts = await poolInstallBody('via intermediate');
  twoCerts.registrar.certPem += twoCerts.chainPem;
  const refused = await fetch(`${fe.urls.admin}/__admin/data`, {
    method: 'PUT',
    headers: adminHeaders(),
    body: JSON.stringify(twoCerts),
  });
  assert.match(await refused.text(), /the leaf alone/);
});

test('bad input on the registrar is refused and it keeps serving', async () => {
  const port = Number(new URL(fe.urls.sip).port);
  assert.equal((await sendBadInput('127.0.0.1', port, 300)).length, 300);
  const phone = new LyncPhone((await phoneFactoryRoots()).pem);
  const signIn = await phone.signIn('pin', { http: fe.urls.http, sip: fe.urls.sip, fqdn: POOL_FQDN });
  assert.equal(signIn.registered, true, signIn.failure);
});

test('in-band provisioning names the Address Book Service; curl fetches the day file and nothing else', async () => {
  const entries = [{ displayName: 'Pat Kim', sip: 'sip:pat.kim@xyz.corp', kind: 'contact' }];
  const put = await fetch(`${fe.urls.admin}/__admin/address-book`, {
    method: 'PUT',
    headers: adminHeaders(),
    body: JSON.stringify({ entries }),
  });
  assert.equal(put.status, 200);
  const client = new LyncOnPremisesClient('sip:anna.berg@abc.corp', mkdtempSync(join(tmpdir(), 'lync-fe-')));
  const chain = (await poolInstallBody('via intermediate')).chainPem;
  const absUrl = await client.provision({ sip: fe.urls.sip, fqdn: POOL_FQDN, trustedPem: [chain] });
  assert.equal(absUrl, `${fe.urls.http}/abs/int/handler`);
  const clock = (await (
    await fetch(`${fe.urls.admin}/__admin/clock`, { headers: adminHeaders() })
  ).json()) as {
    now: string;
  };
  const today = fullFileName(new Date(clock.now));
  const file = await run('curl', ['-sS', '-f', `${absUrl}/${today}`]);
  assert.equal(file.code, 0, file.out);
  assert.match(file.out, /^LSABS full F-[0-9a-f]{4}\.lsabs 1\n\{"displayName":"Pat Kim"/);
  assert.notEqual((await run('curl', ['-sS', '-f', `${absUrl}/F-0000.lsabs`])).code, 0);
  const bad = await fetch(`${fe.urls.admin}/__admin/address-book`, {
    method: 'PUT',
    headers: adminHeaders(),
    body: JSON.stringify({ entries: [{ displayName: 'x', sip: 'x@y' }] }),
  });
  assert.equal(bad.status, 400);
});

test('a registrar not restarted after a new certificate was assigned presents the one it started with', async () => {
  const issuer = async () => {
    const out = await sClient();
    return /^\s*i:(.*)$/m.exec(out)?.[1] ?? out;
  };
  const admin = (method: string, path: string, body: unknown) =>
    fetch(`${fe.urls.admin}${path}`, { method, headers: adminHeaders(), body: JSON.stringify(body) });
  const started = await issuer();
  assert.equal(
    (await admin('PUT', '/__admin/data', await poolInstallBody('from a factory root'))).status,
    200,
  );
  const assigned = await issuer();
  assert.notEqual(assigned, started, 'the root-issued certificate is presented once assigned');
  assert.equal((await admin('PUT', '/__admin/mechanism', { registrarNotRestarted: true })).status, 200);
  assert.equal(await issuer(), started, 'not restarted: the certificate it started with');
  assert.equal((await admin('PUT', '/__admin/data', await poolInstallBody('via intermediate'))).status, 200);
  await fetch(`${fe.urls.admin}/__admin/reset`, { method: 'POST', headers: adminHeaders() });
});
