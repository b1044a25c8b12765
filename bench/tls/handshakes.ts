import { connect, createSecureContext, type SecureContext } from 'node:tls';

export interface Target {
  host: string;
  port: number;
  servername: string;
  /** The Front End's chain and key (client certificate), and the root it trusts for the server. */
  cert: string;
  key: string;
  ca: string;
}

/** One full mutual-TLS 1.2 handshake (no session reuse); rejects unless the server's certificate verified. */
const contexts = new WeakMap<Target, SecureContext>();

export function handshake(target: Target): Promise<void> {
  // One client context per target, made once: the client's own setup is not what is measured.
  let secureContext = contexts.get(target);
  if (!secureContext) {
    secureContext = createSecureContext({
      cert: target.cert,
      key: target.key,
      ca: target.ca,
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.2',
    });
    contexts.set(target, secureContext);
  }
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: target.host,
      port: target.port,
      servername: target.servername,
      secureContext,
    });
    socket.once('secureConnect', () => {
      socket.end();
      if (socket.authorized) resolve();
      else reject(new Error(`server certificate not trusted: ${socket.authorizationError}`));
    });
    socket.once('error', reject);
  });
}

/** Handshakes per second over `seconds`, with `concurrency` clients in a loop (after a warm-up). */
export async function measure(
  target: Target,
  seconds: number,
  concurrency: number,
): Promise<{ count: number; perSecond: number }> {
  for (let i = 0; i < 20; i++) await handshake(target);
  let count = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      await handshake(target);
      count++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { count, perSecond: count / elapsed };
}
