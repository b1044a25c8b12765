import type { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { SecureContextOptions, TLSSocket } from 'node:tls';
import { defineMock, excerpt, IIS_DEFAULT_MAX_CONTENT, listenOn, serveHandlers } from '../admin';
import { edgeRoutes, installEdge, parseUsableInstall } from './admin-routes';
import { type EdgeInstall, EdgeState } from './edge-state';
import { replicationHandlers, replicationUnmatched } from './replication';
import { oneLine, verifyAgainstStore } from './trust';

/**
 * The Edge's CMS replication endpoint (the Replica Replicator Agent, TCP 4443 in production): HTTPS with
 * mutual TLS, TLS 1.2 only. The CertificateRequest carries the issuer list Schannel would send; the
 * client's certificate is checked against the whole Root store; a refused client is disconnected.
 */
export const startEdgeMock = defineMock({
  name: 'edge',
  setup({ clock, journal, faults }) {
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
        outcome: { result: 'failed', error: excerpt(error.message, 200) },
      });
      socket.destroy();
    });
    serveHandlers(server, {
      label: 'mock:edge',
      journal,
      scheme: 'https',
      // No documented limit for the Replica Replicator Agent: the IIS default (mocks/admin/http-limits.ts).
      limit: () => IIS_DEFAULT_MAX_CONTENT,
      handlers: replicationHandlers({ state, journal, clock, faults }),
      unmatched: replicationUnmatched(journal),
    });

    function checkClient(socket: TLSSocket): void {
      const chain = peerChain(socket);
      const check = verifyAgainstStore(chain, state.store, clock.now(), state.chainIntermediates());
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

    return {
      // The admin API on a port of its own: the replication port speaks mutual TLS only.
      admin: {
        load: (body) => {
          const install = parseUsableInstall(body);
          const status = installEdge(state, install, apply);
          fixture = install;
          return status;
        },
        reset: () => {
          state.mechanism.reset();
          if (fixture) installEdge(state, fixture, apply);
        },
        routes: edgeRoutes(state, apply),
      },
      async listen({ host, port }) {
        const { base, close } = await listenOn(server, { host, port }, 'https');
        return { urls: { https: base }, close };
      },
    };
  },
});

/**
 * The certificates the client sent, leaf first, as OpenSSL parsed them: getPeerX509Certificate hands
 * them over as they are, where getPeerCertificate(true) converts each into a detailed object and parsing
 * its DER again cost more than the handshake (about 0.25 ms of the Edge's 0.45 ms per handshake).
 */
function peerChain(socket: TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  let cert = socket.getPeerX509Certificate();
  while (cert && !chain.some((c) => c.fingerprint256 === cert?.fingerprint256)) {
    chain.push(cert);
    cert = cert.issuerCertificate;
  }
  return chain;
}
