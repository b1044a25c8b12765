import type { Talk } from './wire';

/** An HTTP/1.1 request in parts, so each part can be made wrong on its own; written out as is. */
export interface HttpRequest {
  method: string;
  target: string | Buffer;
  version: string;
  headers: Array<[string, string | Buffer]>;
  body: Buffer;
  /** Line ending between the request line and headers (a bare LF is a mutation). */
  eol?: string;
}

const bytes = (text: string | Buffer) => (Buffer.isBuffer(text) ? text : Buffer.from(text, 'latin1'));

export function serialize(r: HttpRequest): Buffer {
  const eol = r.eol ?? '\r\n';
  const parts: Buffer[] = [bytes(`${r.method} `), bytes(r.target)];
  if (r.version) parts.push(bytes(` ${r.version}`));
  parts.push(bytes(eol));
  for (const [name, value] of r.headers) parts.push(bytes(`${name}: `), bytes(value), bytes(eol));
  parts.push(bytes(eol), r.body);
  return Buffer.concat(parts);
}

/** A request for `path` with a Host header and, when there is a body, its Content-Length. */
export function request(
  method: string,
  path: string,
  headers: Array<[string, string]> = [],
  body: Buffer | string = '',
): HttpRequest {
  const content = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const length: Array<[string, string]> =
    content.length || method !== 'GET' ? [['Content-Length', String(content.length)]] : [];
  return {
    method,
    target: path,
    version: 'HTTP/1.1',
    headers: [['Host', '127.0.0.1'], ...headers, ...length],
    body: content,
  };
}

/** The status line is all the fuzzer reads of an answer. */
export const httpComplete = (reply: Buffer): boolean => reply.indexOf('\r\n') > 0 || reply.length >= 64;

/** `4xx 413`, `5xx 500`, `2xx 200`..., or how the connection ended. */
export function httpAnswerKind(result: Talk): string {
  if (result.reply.length === 0) return result.ending === 'answered' ? 'closed' : result.ending;
  const status = /^HTTP\/\d\.\d (\d{3})/.exec(result.reply.subarray(0, 32).toString('latin1'));
  if (!status) return 'not HTTP';
  return `${status[1][0]}xx ${status[1]}`;
}

export const basicAuth = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
