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

/** Handshakes completed in `seconds` with `concurrency` clients in a loop. */
async function slice(target: Target, seconds: number, concurrency: number): Promise<number> {
  let count = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      await handshake(target);
      count++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count;
}

export interface Measured {
  count: number;
  seconds: number;
  perSecond: number;
  /** The server's CPU (user + system) per handshake, in microseconds. */
  cpuUsPerHandshake: number;
}

/**
 * Handshakes per second and the server's CPU per handshake for each target, measured in `rounds` slices
 * that alternate between the targets (A B B A A B ...): on a machine whose load changes during the run,
 * each target sees the same mix of quiet and busy moments, so their ratio holds even when the absolute
 * figures do not. `cpu(pid)` reads a process's CPU seconds.
 */
export async function measureAlternating(
  targets: Array<{ target: Target; pid: number }>,
  seconds: number,
  concurrency: number,
  rounds: number,
  cpu: (pid: number) => number,
): Promise<Measured[]> {
  for (const { target } of targets) for (let i = 0; i < 20; i++) await handshake(target);
  const totals = targets.map(() => ({ count: 0, seconds: 0, cpu: 0 }));
  for (let round = 0; round < rounds; round++) {
    const order = targets.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const cpu0 = cpu(targets[i].pid);
      const started = performance.now();
      totals[i].count += await slice(targets[i].target, seconds / rounds, concurrency);
      totals[i].seconds += (performance.now() - started) / 1000;
      totals[i].cpu += cpu(targets[i].pid) - cpu0;
    }
  }
  return totals.map((t) => ({
    count: t.count,
    seconds: t.seconds,
    perSecond: t.count / t.seconds,
    cpuUsPerHandshake: (1e6 * t.cpu) / t.count,
  }));
}
