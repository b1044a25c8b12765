/**
 * Every mock service in one process, seeded and ready: the process the memory and odd-request tests
 * talk to. As a child process (`--require ts-node/register all-mocks.fixture.ts`) it sends
 * `{ ready: AllMocks }` over IPC and answers `'rss'` with its resident set size.
 */
import { edgeInstallBody, frontEndCredentials, poolInstallBody } from '../../src/pki/fixtures';
import { EDGE_FQDN } from '../../src/pki/lab';
import { startEdgeMock } from '../edge';
import { startExchangeMock } from '../exchange';
import { seedSample } from '../exchange/test-fixtures';
import { startLdapMock } from '../ldap';
import { startLyncFeMock } from '../lync-fe';
import { startLyncOnlineMock } from '../lync-online';
import { adminHeaders, type StartedMock } from '.';

export interface AllMocks {
  urls: Record<string, Record<string, string>>;
  adminToken: string;
  /** The Front End's TLS client options for the Edge (this process's PKI: the Edge trusts no other). */
  edgeClient: { cert: string; key: string; ca: string[]; servername: string };
}

export const PAT_SIP = 'sip:pat.kim@xyz.corp';

export async function startAllMocks(): Promise<{ mocks: Record<string, StartedMock>; info: AllMocks }> {
  const mocks: Record<string, StartedMock> = {
    exchange: await startExchangeMock(),
    'lync-online': await startLyncOnlineMock(),
    'lync-fe': await startLyncFeMock(),
    edge: await startEdgeMock(),
    ldap: await startLdapMock({ service: 'ldap-online' }),
  };
  await seedSample(mocks.exchange);
  const people = [{ name: 'Pat Kim', mail: 'pat.kim@xyz.corp', sip: PAT_SIP, kind: 'user' }];
  await put(mocks['lync-online'], { people });
  await put(mocks['lync-fe'], await poolInstallBody('via intermediate'));
  await put(mocks.edge, await edgeInstallBody(1, 'windows2012'));
  const urls = Object.fromEntries(Object.entries(mocks).map(([name, mock]) => [name, mock.urls]));
  const fe = (await frontEndCredentials()).credentials[0];
  const edgeClient = {
    cert: fe.chainPem,
    key: fe.keyPem,
    ca: (await frontEndCredentials()).trustedRootsPem,
    servername: EDGE_FQDN,
  };
  return { mocks, info: { urls, adminToken: mocks.exchange.adminToken ?? '', edgeClient } };
}

async function put(mock: StartedMock, body: unknown): Promise<void> {
  const r = await fetch(`${mock.urls.admin}/__admin/data`, {
    method: 'PUT',
    body: JSON.stringify(body),
    headers: adminHeaders(),
  });
  if (!r.ok) throw new Error(`[all-mocks] loading ${mock.name} answered ${r.status}: ${await r.text()}`);
}

if (require.main === module) {
  startAllMocks().then(({ info }) => {
    process.on('message', (message) => {
      // With --expose-gc, garbage is collected first: what is measured is what the process holds.
      if (message === 'rss') {
        (globalThis as { gc?: () => void }).gc?.();
        process.send?.({ rss: process.memoryUsage().rss });
      }
    });
    process.send?.({ ready: info });
  });
}
