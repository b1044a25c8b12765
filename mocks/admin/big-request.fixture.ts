import { type Socket, connect as tcpConnect } from 'node:net';
import { type ConnectionOptions, connect as tlsConnect } from 'node:tls';

export interface BigRequest {
  url: string;
  method?: string;
  bytes: number;
  /** Transfer-Encoding: chunked instead of a declared Content-Length. */
  chunked?: boolean;
  headers?: Record<string, string>;
  /** TLS options (client certificate, trusted roots, servername) for https URLs. */
  tls?: ConnectionOptions;
  /** The request target as sent, when it is not the URL's path (absolute-form, `*`, raw escapes). */
  target?: string;
  /** Hang up after writing this many body bytes, without waiting for an answer. */
  abortAfter?: number;
  /** A body to send as it is (then `bytes` is its length), instead of `bytes` of filler. */
  body?: string;
}

export interface BigOutcome {
  /** The status line's code, when an answer came. */
  status?: number;
  /** The start of what the server sent. */
  answer: string;
  /** How many body bytes the client wrote before the server answered or hung up. */
  sent: number;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x61);

/** A request of `bytes` body bytes (none by default) with its target written as given. */
export const sendRaw = (options: Omit<BigRequest, 'bytes'> & { bytes?: number }) =>
  sendBig({ method: 'GET', ...options, bytes: options.bytes ?? Buffer.byteLength(options.body ?? '') });

/**
 * Sends a request whose body is `bytes` long over a raw socket, 64 KB at a time with back pressure (the
 * client holds almost nothing), reading while it writes: it stops writing as soon as the server
 * answers, and resolves when the server closes or has sent its whole answer (`connection: close` is
 * asked for).
 */
export function sendBig(options: BigRequest): Promise<BigOutcome> {
  const url = new URL(options.url);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const socket: Socket =
    url.protocol === 'https:'
      ? tlsConnect({ host: url.hostname, port, ...options.tls })
      : tcpConnect(port, url.hostname);
  const outcome: BigOutcome = { answer: '', sent: 0 };
  return new Promise((resolve) => {
    let answered = false;
    const done = () => {
      socket.destroy();
      resolve(outcome);
    };
    socket.on('data', (data: Buffer) => {
      answered = true;
      if (outcome.answer.length < 4000) outcome.answer += data.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(outcome.answer);
      if (status) outcome.status = Number(status[1]);
      if (complete(outcome.answer)) done();
    });
    socket.on('error', () => {});
    socket.on('close', done);
    socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      socket.write(head(options, url));
      if (options.body !== undefined) {
        socket.write(options.body);
        outcome.sent = options.bytes;
      }
      const pump = () => {
        while (!answered && !socket.destroyed && outcome.sent < options.bytes) {
          if (options.abortAfter !== undefined && outcome.sent >= options.abortAfter) return done();
          const piece = CHUNK.subarray(0, Math.min(CHUNK.length, options.bytes - outcome.sent));
          outcome.sent += piece.length;
          const framed = options.chunked ? [`${piece.length.toString(16)}\r\n`, piece, '\r\n'] : [piece];
          const flushed = framed.map((part) => socket.write(part)).every(Boolean);
          if (!flushed) return void socket.once('drain', pump);
        }
        // The whole body is out: wait for the answer (a half-close here would abort the request).
        if (!answered && options.chunked) socket.write('0\r\n\r\n');
      };
      pump();
    });
  });
}

/** True once an answer with a Content-Length has all of its body. */
function complete(answer: string): boolean {
  const end = answer.indexOf('\r\n\r\n');
  const length = /\r\ncontent-length: *(\d+)/i.exec(answer.slice(0, end));
  return end >= 0 && length !== null && answer.length - end - 4 >= Number(length[1]);
}

function head(options: BigRequest, url: URL): string {
  const framing = options.chunked
    ? { 'transfer-encoding': 'chunked' }
    : { 'content-length': String(options.bytes) };
  const headers = { host: url.host, ...framing, ...options.headers };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  const target = options.target ?? `${url.pathname}${url.search}`;
  return `${options.method ?? 'POST'} ${target} HTTP/1.1\r\n${lines.join('')}connection: close\r\n\r\n`;
}
