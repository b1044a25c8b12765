import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { SecureContextOptions, TLSSocket } from 'node:tls';
import {
  adminRoutes,
  closeServer,
  IIS_DEFAULT_MAX_CONTENT,
  listenOnLoopback,
  loopbackHost,
  type MockOptions,
  mockCore,
  type StartedMock,
  serveGuarded,
  startAdminServer,
  stopOnce,
  urlHost,
} from '../admin';
import { edgeRoutes, installEdge, parseUsableInstall } from './admin-routes';
import { type EdgeInstall, EdgeState } from './edge-state';
import { handleReplication } from './replication';
import { oneLine, verifyAgainstStore } from './trust';

/**
 * The Edge's CMS replication endpoint (the Replica Replicator Agent, TCP 4443 in production): HTTPS with
 * mutual TLS, TLS 1.2 only. The CertificateRequest carries the issuer list Schannel would send; the
 * client's certificate is checked against the whole Root store; a refused client is disconnected.
 */
export async function startEdgeMock(options: MockOptions = {}): Promise<StartedMock> {
  const host = loopbackHost(options.host);
  const core = mockCore('edge');
  const { clock, journal, faults } = core;
  const state = new EdgeState();
  let fixture: EdgeInstall | undefined;
  const server: Server = createServer({
    requestCert: true,
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.2',
    handshakeTimeout: 5000,
  });
  let applied: SecureContextOptions | undefined;
  const apply = () => {
    const context = state.secureContext();
    if (context && context !== applied) server.setSecureContext(context);
    applied = context;
    const list = state.issuerList();
    if (list.truncated)
      state.events.push({
        id: 36885,
        source: 'Schannel',
        at: clock.now().toISOString(),
        message: `The trusted issuer list is too long (${list.storeBytes} bytes of names); ${list.dropped} of ${state.store.length} roots were left out.`,
      });
  };
  server.prependListener('secureConnection', (socket: TLSSocket) => checkClient(socket));
  server.on('tlsClientError', (error, socket) => {
    journal.record({
      operation: 'tls.handshake',
      request: { from: socket.remoteAddress ?? null },
      outcome: { result: 'failed', error: error.message.slice(0, 200) },
    });
    socket.destroy();
  });
  // No documented limit for the Replica Replicator Agent: the IIS default (mocks/admin/http-limits.ts).
  const guard = {
    label: 'mock:edge',
    journal,
    scheme: 'https' as const,
    limit: () => IIS_DEFAULT_MAX_CONTENT,
  };
  serveGuarded(server, guard, (req, res, url, limit) =>
    handleReplication({ req, res, url, limit }, { state, journal, clock, faults }),
  );

  function checkClient(socket: TLSSocket): void {
    const chain = peerChain(socket);
    const check = verifyAgainstStore(chain, state.store, clock.now(), state.intermediates);
    const list = state.issuerList();
    journal.record({
      operation: 'tls.handshake',
      request: { clientCertificate: chain[0] ? oneLine(chain[0].subject) : null },
      outcome: {
        result: check.ok ? 'accepted' : 'refused',
        ...(check.ok ? { root: oneLine(check.root) } : { reason: check.reason }),
        issuerList: { sent: list.sent.length, bytes: list.bytes, truncated: list.truncated },
      },
    });
    if (!check.ok) socket.destroy();
  }

  const port = await listenOnLoopback(server, host, options.port);
  const admin = await startAdminServer(
    adminRoutes({
      ...core,
      load: (body) => {
        const install = parseUsableInstall(body);
        const status = installEdge(state, install, apply);
        fixture = install;
        return status;
      },
      reset: () => {
        if (fixture) installEdge(state, fixture, apply);
      },
      routes: edgeRoutes(state, apply),
    }),
    host,
    options.adminPort ?? 0,
  );
  return {
    name: 'edge',
    urls: { https: `https://${urlHost(host)}:${port}`, admin: admin.url },
    adminToken: admin.token,
    stop: stopOnce(() => Promise.all([closeServer(server), admin.stop()])),
  };
}

/** The certificates the client sent, leaf first. */
function peerChain(socket: TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let cert = socket.getPeerCertificate(true);
  while (cert?.raw && !chain.some((c) => c.raw.equals(cert.raw))) {
    chain.push(new X509Certificate(cert.raw));
    if (!cert.issuerCertificate || cert.issuerCertificate === cert) break;
    cert = cert.issuerCertificate;
  }
  return chain;
}
