import { once } from 'node:events';
import { Agent, type ClientRequest, type IncomingHttpHeaders, request } from 'node:http';

/**
 * One HTTP/1.1 request over node:http with kept-alive connections, for the harness's admin calls and the
 * client simulators. Node's fetch (undici) costs about five times the CPU per request on loopback, and a
 * run makes thousands of them (resets, journals, contact lists). The agent follows the server's
 * `Keep-Alive: timeout=` hint, so an idle connection is dropped before the server closes it.
 */
const agent = new Agent({ keepAlive: true });

export interface HttpInit {
  method?: string;
  headers?: Record<string, string>;
  /**
   * A whole body, or its chunks made as they are sent, also as they arrive from elsewhere (async):
   * chunked, so a big body is never held whole.
   */
  body?: string | Buffer | Iterable<string | Buffer> | AsyncIterable<string | Buffer>;
}

export interface HttpAnswer {
  status: number;
  ok: boolean;
  /** Header names lower-cased; repeated headers joined with ", " as fetch's `headers.get` joins them. */
  headers: IncomingHttpHeaders;
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
}

export function httpCall(url: string | URL, init: HttpInit = {}): Promise<HttpAnswer> {
  const target = typeof url === 'string' ? new URL(url) : url;
  if (target.protocol !== 'http:')
    return Promise.reject(new Error(`[http] only http: URLs are supported, got ${target.href}`));
  const method = init.method ?? 'GET';
  const streamed = isChunks(init.body) ? init.body : undefined;
  const body = typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : (init.body as Buffer);
  const headers: Record<string, string | number> = { ...init.headers };
  if (body && !streamed) headers['content-length'] = body.length;
  return new Promise((resolve, reject) => {
    const req = request(target, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const answer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        resolve({
          status,
          ok: status >= 200 && status < 300,
          headers: res.headers,
          body: answer,
          text: () => answer.toString('utf8'),
          json: <T>() => JSON.parse(answer.toString('utf8')) as T,
        });
      });
    });
    req.on('error', (error) =>
      reject(new Error(`[http] ${method} ${target.href}: ${error.message}`, { cause: error })),
    );
    if (streamed) sendChunks(req, streamed).catch((error: Error) => req.destroy(error));
    else req.end(body);
  });
}

function isChunks(
  body: HttpInit['body'],
): body is Iterable<string | Buffer> | AsyncIterable<string | Buffer> {
  return body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body);
}

/** Writes each chunk as it is made, waiting whenever the socket's buffer is full. */
async function sendChunks(
  req: ClientRequest,
  chunks: Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
): Promise<void> {
  for await (const chunk of chunks) if (!req.write(chunk)) await once(req, 'drain');
  req.end();
}

/** A header's value as fetch's `headers.get` gives it: one string, or undefined when absent. */
export function header(answer: HttpAnswer, name: string): string | undefined {
  const value = answer.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
