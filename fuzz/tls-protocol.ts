import { connect } from 'node:tls';
import { frontEndCredentials } from '../src/pki/fixtures';
import { EDGE_FQDN, POOL_FQDN } from '../src/pki/lab';
import { adminHealth } from './http-probe';
import type { Protocol } from './protocol';
import { urlPort } from './protocol';
import { ENTRIES, type ServerProcess } from './server-process';
import { tlsAnswerKind, tlsInput } from './tls-inputs';
import { talk } from './wire';

const portOf = (server: ServerProcess, target: string) =>
  urlPort(target === 'edge' ? server.urls.edge.https : server.urls['lync-fe'].sip);

/** TLS records to the Edge's mutual-TLS replication port and the pool's SIP registrar. */
export const tlsProtocol: Protocol = {
  name: 'tls',
  entry: ENTRIES.services,
  args: ['edge', 'lync-fe'],
  concurrency: 8,
  cutBytes: true,
  generate: tlsInput,
  async send(server, input, timeoutMs) {
    const result = await talk(portOf(server, input.target), input.bytes, {
      complete: (reply) => reply.length >= 7,
      quietMs: 300,
      timeoutMs,
    });
    return { kind: tlsAnswerKind(result.reply, result.ending), ending: result.ending };
  },
  alive: async (server) => !(await adminHealth(server.urls)),
  health: async (server) => {
    const { credentials } = await frontEndCredentials();
    const client = { cert: credentials[0].chainPem, key: credentials[0].keyPem };
    const edge = await handshake(portOf(server, 'edge'), EDGE_FQDN, client);
    const register = `REGISTER sip:${POOL_FQDN} SIP/2.0\r\n\r\n`;
    const registrar = await handshake(portOf(server, 'registrar'), POOL_FQDN, {}, register);
    const problems = [
      edge.ok ? undefined : `Edge handshake: ${edge.detail}`,
      registrar.ok && registrar.detail.startsWith('SIP/2.0 200 OK')
        ? undefined
        : `registrar: ${registrar.detail}`,
    ].filter(Boolean);
    return problems.length ? problems.join('; ') : undefined;
  },
};

/**
 * A full TLS 1.2 handshake (the Edge's with the Front End's certificate, which its store trusts); the
 * server's certificate is not judged here: this checks that the server works, not its trust.
 */
function handshake(
  port: number,
  servername: string,
  client: { cert?: string; key?: string },
  then?: string,
): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolve) => {
    const options = { port, host: '127.0.0.1', servername, rejectUnauthorized: false, ...client };
    const socket = connect({ ...options, maxVersion: 'TLSv1.2' });
    const done = (ok: boolean, detail: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok, detail });
    };
    const timer = setTimeout(() => done(false, 'no handshake in 5 s'), 5000);
    socket.on('secureConnect', () => {
      if (!then) return done(true, socket.getProtocol() ?? 'TLS');
      socket.write(then);
      socket.once('data', (chunk: Buffer) => done(true, chunk.toString('latin1')));
    });
    socket.on('error', (error) => done(false, error.message));
  });
}
