import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { after, before, test } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { writeLdif } from '../../src/tenant/ldif-writer';
import { buildSampleTenant } from '../../src/tenant/sample';
import { adminHeaders, type StartedMock } from '.';
import { type AllMocks, startAllMocks } from './all-mocks.fixture';
import {
  expectEachFaultKind,
  type FaultTarget,
  fetchSeen,
  injectFault,
  type Seen,
} from './fault-kinds.fixture';
import { ldapSearch } from './ldap-search.fixture';

let mocks: Record<string, StartedMock>;
let info: AllMocks;
before(async () => {
  ({ mocks, info } = await startAllMocks());
  const xyz = buildSampleTenant().forests.find((f) => f.role === 'online')!;
  await fetch(`${info.urls.ldap.admin}/__admin/data`, {
    method: 'PUT',
    body: writeLdif(xyz.entries),
    headers: adminHeaders(),
  });
});
after(() => Promise.all(Object.values(mocks).map((m) => m.stop())));

const basic = { authorization: `Basic ${Buffer.from('pkim@xyz.corp:Pa55w.rd').toString('base64')}` };
const isXml = (s: Seen, root: string) =>
  s.status === 200 && XMLValidator.validate(s.body ?? '') === true && (s.body ?? '').includes(root);
const isJson = (s: Seen) => {
  try {
    return s.status === 200 && JSON.parse(s.body ?? '') !== undefined;
  } catch {
    return false;
  }
};
const status = (code: number) => (s: Seen) => s.status === code;

test('EWS: a ResolveNames client sees each fault kind', { timeout: 60_000 }, async () => {
  const body =
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">' +
    '<s:Body><m:ResolveNames><m:UnresolvedEntry>Pat</m:UnresolvedEntry></m:ResolveNames></s:Body></s:Envelope>';
  await expectEachFaultKind({
    name: 'EWS ResolveNames',
    admin: info.urls.exchange.admin,
    operation: 'ews.ResolveNames',
    call: () =>
      fetchSeen(`${info.urls.exchange.http}/EWS/Exchange.asmx`, {
        method: 'POST',
        body,
        headers: { ...basic, 'content-type': 'text/xml' },
      }),
    readable: (s) => isXml(s, 'ResolveNamesResponse'),
    error: {
      code: 'ErrorServerBusy',
      seen: (s) => s.status === 500 && /ErrorServerBusy</.test(s.body ?? ''),
    },
  });
});

test('Autodiscover and the OAB: their clients see each fault kind', { timeout: 60_000 }, async () => {
  const pox =
    '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">' +
    '<Request><EMailAddress>pat.kim@xyz.corp</EMailAddress></Request></Autodiscover>';
  await expectEachFaultKind({
    name: 'POX Autodiscover',
    admin: info.urls.exchange.admin,
    operation: 'autodiscover.pox',
    call: () =>
      fetchSeen(info.urls.exchange.autodiscover, {
        method: 'POST',
        body: pox,
        headers: { ...basic, 'content-type': 'text/xml' },
      }),
    readable: (s) => isXml(s, '<Autodiscover'),
    error: { code: 503, seen: status(503) },
  });
  await expectEachFaultKind({
    name: 'OAB manifest',
    admin: info.urls.exchange.admin,
    operation: 'oab.manifest',
    call: () => fetchSeen(oabManifest(), { headers: basic }),
    readable: (s) => isXml(s, '<OAB>'),
    error: { code: 503, seen: status(503) },
  });
});

test('Lync Online: a UCWA client sees each fault kind', { timeout: 60_000 }, async () => {
  const search = `${info.urls['lync-online'].http}/ucwa/oauth/v1/applications/sip:pat.kim@xyz.corp/people/search?query=pat`;
  await expectEachFaultKind({
    name: 'UCWA people search',
    admin: info.urls['lync-online'].admin,
    operation: 'ucwa.search',
    call: () => fetchSeen(search),
    readable: isJson,
    error: {
      code: 'ServiceUnavailable',
      seen: (s) => s.status === 500 && JSON.parse(s.body ?? '{}').code === 'ServiceUnavailable',
    },
  });
});

test('the pool: a phone downloading the certificate chain sees each fault kind', {
  timeout: 60_000,
}, async () => {
  await expectEachFaultKind({
    name: 'certificate provisioning',
    admin: info.urls['lync-fe'].admin,
    operation: 'certprov.chain',
    call: () => fetchSeen(`${info.urls['lync-fe'].http}/CertProv/CertProvisioningService.svc`),
    readable: (s) => s.status === 200 && pemParses(s.body ?? ''),
    error: { code: 503, seen: status(503) },
  });
});

test('the Edge: the Front End replicating over mutual TLS sees each fault kind', {
  timeout: 60_000,
}, async () => {
  await expectEachFaultKind({
    name: 'Edge replication',
    admin: info.urls.edge.admin,
    operation: 'replication.push',
    call: replicate,
    readable: isJson,
    error: { code: 503, seen: status(503) },
  });
});

test('a domain controller: ldapsearch sees each fault kind', { timeout: 60_000 }, async () => {
  await expectEachFaultKind({
    name: 'LDAP search',
    admin: info.urls.ldap.admin,
    operation: 'ldap.search',
    call: () => ldapSearch(info.urls.ldap),
    readable: (s) => s.status === 0 && /^cn: Pat Kim$/m.test(s.body ?? ''),
    error: { code: 51, seen: (s) => s.status === 51 && /result: 51 Server is busy/.test(s.body ?? '') },
    malformed: (s) => /^30847fffffff/.test(s.body ?? ''),
  });
});

test('a persistent fault outlives the per-scenario reset; only DELETE clears it', {
  timeout: 60_000,
}, async () => {
  const oab: FaultTarget['call'] = () => fetchSeen(oabManifest(), { headers: basic });
  const admin = info.urls.exchange.admin;
  const reset = () => fetch(`${admin}/__admin/reset`, { method: 'POST', headers: adminHeaders() });
  await injectFault(admin, { kind: 'error', code: 503, operation: 'oab.manifest', persist: true });
  await injectFault(admin, { kind: 'error', code: 502, operation: 'oab.download' });
  await reset();
  for (let i = 0; i < 3; i++) assert.equal((await oab()).status, 503);
  const faults = await (await fetch(`${admin}/__admin/faults`, { headers: adminHeaders() })).json();
  assert.deepEqual(faults, {
    faults: [{ kind: 'error', code: 503, operation: 'oab.manifest', persist: true }],
  });
  await fetch(`${admin}/__admin/faults`, { method: 'DELETE', headers: adminHeaders() });
  assert.equal((await oab()).status, 200);
});

function oabManifest(): string {
  return `${info.urls.exchange.http}/OAB/c6a1f0f4-5b7e-4a0b-8f3e-0d9a6b2c4e71/oab.xml`;
}

function pemParses(text: string): boolean {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
  try {
    return blocks.length > 0 && blocks.every((pem) => new X509Certificate(pem));
  } catch {
    return false;
  }
}

function replicate(): Promise<Omit<Seen, 'ms'>> {
  const body = JSON.stringify({ version: 7, createdAt: '2014-12-01T09:00:00Z', from: 'fe01.abc.corp' });
  return new Promise((resolve) => {
    const req = request(`${info.urls.edge.https}/ReplicationWebService`, {
      method: 'POST',
      agent: false,
      ...info.edgeClient,
      headers: { 'content-type': 'application/json' },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ dropped: true }));
    });
    req.on('error', () => resolve({ dropped: true }));
    req.end(body);
  });
}
