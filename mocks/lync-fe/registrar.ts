import { createServer, type TLSSocket } from 'node:tls';
import { closeServer, excerpt, type Journal, listenOnLoopback } from '../admin';
import type { PoolInstall } from './fe-state';

/**
 * The pool's SIP registrar over TLS (5061 / 443 in production). It presents only its leaf certificate,
 * so a client must already hold the intermediate. A REGISTER line is answered `SIP/2.0 200 OK`.
 */
export async function startRegistrar(
  host: string,
  port: number,
  journal: Journal,
  addressBookUrl: () => string | undefined = () => undefined,
  /** The user is not enabled for Lync: REGISTER gets 403 (a mechanism fault, mocks/lync-fe/mechanism-faults.ts). */
  refusesUser: () => boolean = () => false,
) {
  const server = createServer({ minVersion: 'TLSv1.2', handshakeTimeout: 5000 });
  server.on('tlsClientError', (error, socket) => {
    journal.record({
      operation: 'tls.handshake',
      request: {
        from: socket.remoteAddress ?? null,
        listener: 'registrar, TLS',
        localPort: socket.localPort ?? null,
      },
      outcome: { result: 'failed', error: error.message.slice(0, 200) },
    });
    socket.destroy();
  });
  server.on('secureConnection', (socket: TLSSocket) => {
    journal.record({
      operation: 'tls.handshake',
      request: {
        servername: socket.servername || null,
        listener: 'registrar, TLS',
        localPort: socket.localPort ?? null,
      },
      outcome: { result: 'established' },
    });
    let buffered = '';
    socket.on('error', () => {});
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('latin1');
      if (buffered.length > 8192) return socket.destroy();
      if (!buffered.includes('\r\n\r\n')) return;
      const [requestLine] = buffered.split('\r\n');
      if (/^SUBSCRIBE sip:\S+ SIP\/2\.0$/.test(requestLine))
        return socket.end(provisioning(buffered, addressBookUrl(), journal));
      const register = /^REGISTER sip:\S+ SIP\/2\.0$/.test(requestLine);
      const status = !register ? 400 : refusesUser() ? 403 : 200;
      journal.record({
        operation: 'sip.register',
        request: { line: excerpt(requestLine, 120) },
        outcome: { status },
      });
      socket.end(`SIP/2.0 ${status} ${REASONS[status]}\r\nContent-Length: 0\r\n\r\n`);
    });
  });
  const bound = await listenOnLoopback(server, host, port);
  // A new TLS context only when the certificate or key changed (the reset installs the same pool again).
  let presented: PoolInstall['registrar'] | undefined;
  return {
    port: bound,
    install: (pool: PoolInstall) => {
      const { certPem, keyPem } = pool.registrar;
      if (presented?.certPem === certPem && presented.keyPem === keyPem) return;
      server.setSecureContext({ cert: certPem, key: keyPem });
      presented = { certPem, keyPem };
    },
    stop: () => closeServer(server),
  };
}

const REASONS: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 403: 'Forbidden' };

const PROVISIONING_NS = 'http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-notification';

/**
 * In-band provisioning (SUBSCRIBE, Event: vnd-microsoft-provisioning-v2): the ServerConfiguration group
 * names the Address Book Service, inside and outside, which is how a Lync client learns to download it.
 */
function provisioning(request: string, absUrl: string | undefined, journal: Journal): string {
  const event = /\r\nEvent:\s*([^\r\n]+)/i.exec(request)?.[1]?.trim() ?? '';
  const ok = event.toLowerCase() === 'vnd-microsoft-provisioning-v2';
  journal.record({
    operation: 'sip.provisioning',
    request: { event: excerpt(event, 80) },
    outcome: { status: ok ? 200 : 489, absInternalServerUrl: ok ? (absUrl ?? null) : null },
  });
  if (!ok) return 'SIP/2.0 489 Bad Event\r\nContent-Length: 0\r\n\r\n';
  const abs = absUrl
    ? `<absInternalServerUrl>${absUrl}</absInternalServerUrl><absExternalServerUrl>${absUrl}</absExternalServerUrl>`
    : '';
  const body =
    `<provisionGroupList xmlns="${PROVISIONING_NS}"><provisionGroup name="ServerConfiguration">` +
    `${abs}</provisionGroup></provisionGroupList>`;
  return (
    'SIP/2.0 200 OK\r\nContent-Type: application/vnd-microsoft-roaming-provisioning-v2+xml\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

/** The registrar as started: its port, the pool it serves, its stop. */
export type Registrar = Awaited<ReturnType<typeof startRegistrar>>;
