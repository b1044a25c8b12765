import { connect } from 'node:tls';

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
export function handshake(target: Target): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ ...target, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
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
