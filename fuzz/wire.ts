import { connect, type Socket } from 'node:net';

export type Ending = 'answered' | 'closed' | 'reset' | 'timeout' | 'refused';

export interface TalkOptions {
  /** True once the reply holds all the caller needs (the connection is then dropped). */
  complete(reply: Buffer): boolean;
  /** Quiet this long (after the request or the last reply bytes), the fuzzer half-closes: a server waiting for more bytes gives up. */
  quietMs: number;
  timeoutMs: number;
}

export interface Talk {
  reply: Buffer;
  ending: Ending;
  ms: number;
}

const MAX_REPLY = 256 * 1024;

/**
 * Sends `bytes` on a fresh loopback connection and waits for an answer, the server's close, or the timeout.
 * The fuzzer always ends the connection with a reset, so 100,000 inputs leave no TIME_WAIT sockets behind.
 */
export function talk(port: number, bytes: Buffer, options: TalkOptions, host = '127.0.0.1'): Promise<Talk> {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let connected = false;
    let settled = false;
    const socket: Socket = connect({ port, host, noDelay: true });
    const finish = (ending: Ending) => {
      if (settled) return;
      settled = true;
      clearTimeout(quiet);
      clearTimeout(timer);
      if (!socket.destroyed) socket.resetAndDestroy();
      resolve({ reply: Buffer.concat(chunks, size), ending, ms: performance.now() - started });
    };
    const timer = setTimeout(() => finish('timeout'), options.timeoutMs);
    let quiet: NodeJS.Timeout | undefined;
    const waitQuietly = () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => socket.end(), options.quietMs);
    };
    socket.on('connect', () => {
      connected = true;
      socket.write(bytes);
      waitQuietly();
    });
    socket.on('data', (chunk: Buffer) => {
      waitQuietly();
      chunks.push(chunk);
      size += chunk.length;
      const reply = Buffer.concat(chunks, size);
      if (size >= MAX_REPLY || options.complete(reply)) finish('answered');
    });
    socket.on('error', () => finish(connected ? 'reset' : 'refused'));
    socket.on('close', () => finish(size > 0 ? 'answered' : 'closed'));
  });
}
