import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getResponse, RequestHandler, type StrictRequest } from 'msw';
import { adminHandlers, isAdminPath } from './admin-handlers';
import type { AdminRoutes } from './admin-routes';
import { handlersByMethod } from './handlers-by-method';
import { respond, serveGuarded } from './http-guard';
import { adminBodyLimit } from './http-limits';
import type { Journal } from './journal';
import { readBody } from './request-body';
import { holdBody, holdBytes } from './request-bytes';

/** What one mock HTTP port serves: its msw handlers and, when it answers it, the admin API. */
export interface Site {
  /** Names the mock in answers, e.g. `mock:exchange`. */
  label: string;
  journal: Journal;
  scheme?: 'http' | 'https';
  /** The body limit of a service request (admin requests have the admin API's, mocks/admin/http-limits.ts). */
  limit(method: string, url: URL): number;
  /** How many bytes of a service body its handlers can use: the rest is counted to the limit, not kept. */
  keep?: number;
  handlers: RequestHandler[];
  /** The admin API's route table, when this port answers `/__admin/`. */
  admin?: AdminRoutes;
  /** The answer to a service request no handler took. */
  unmatched(request: Request): Response | Promise<Response>;
}

/** Methods the Fetch API refuses to put in a Request; IIS does not serve them either. */
const UNSERVED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);

/**
 * The one way a mock serves HTTP: msw request handlers (msw's public `getResponse`) over a real
 * node:http(s) server, behind the checks every mock server shares (`serveGuarded`: odd targets,
 * declared body limits, failures answered). A service request's body is read within its limit before
 * its handler runs, so a client that hangs up mid-body is journaled whatever the handler answers.
 */
export function serveHandlers(server: Server | HttpsServer, site: Site): void {
  const admin = site.admin ? adminHandlers(site.admin) : undefined;
  const limit = (method: string, url: URL) =>
    admin && isAdminPath(url.pathname) ? adminBodyLimit(method, url.pathname) : site.limit(method, url);
  const guard = { label: site.label, journal: site.journal, scheme: site.scheme, limit };
  const handlersFor = handlersByMethod(site.handlers);
  serveGuarded(server, guard, async (req, res, url, max) => {
    if (UNSERVED_METHODS.has(req.method ?? '')) {
      respond(req, res, 405, `The method ${req.method} is not allowed here.\n`, { allow: 'GET, HEAD, POST' });
      return;
    }
    if (admin && isAdminPath(url.pathname)) {
      const request = toRequest(req, url);
      holdBody(request, req, max);
      await send(req, res, (await getResponse(admin(request.method, url.pathname), request)) as Response);
      return;
    }
    const body = await readBody(req, max, site.keep);
    const request = toRequest(req, url, body);
    holdBytes(request, async () => body);
    const response = await getResponse(handlersFor(request.method), request);
    await send(req, res, response ?? (await site.unmatched(request)));
  });
  // Idle kept-alive sockets outlive a client's own idle timeout, so a client never reuses a socket the
  // server is closing at that moment (seen as "fetch failed" while a large OAB blocked the loop).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  if (response.type === 'error') {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  // A body left unread (a refused admin request) is never read: `respond` answers and lets go.
  if (!req.complete) {
    respond(req, res, response.status, await response.text(), headers);
    return;
  }
  if (!response.body) {
    res.writeHead(response.status, headers).end();
    return;
  }
  // A body given as a string or bytes comes as one chunk: it leaves with its length (as IIS sends it,
  // not in chunks) in one write, headers and body together, without a stream pipeline; a streamed
  // body (an OAB file) stays streamed.
  const reader = response.body.getReader();
  const first = await reader.read();
  const second = first.done ? first : await reader.read();
  if (second.done) {
    const bytes = first.done ? undefined : first.value;
    if (!('content-length' in headers) && !BODILESS_STATUS.has(response.status))
      headers['content-length'] = String(bytes?.byteLength ?? 0);
    res.writeHead(response.status, headers).end(bytes);
    return;
  }
  res.writeHead(response.status, headers);
  await pipeline(Readable.from(rest(reader, [first.value, second.value])), res);
}

/** Answers that never carry a body, so never a length (RFC 9110 §8.6). */
const BODILESS_STATUS = new Set([204, 304]);

/** The chunks already read, then the rest of the stream; a client gone mid-body cancels the stream. */
async function* rest(reader: ReadableStreamDefaultReader<Uint8Array>, read: Uint8Array[]) {
  try {
    yield* read;
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function toRequest(req: IncomingMessage, url: URL, body?: Buffer): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const hasBody = body !== undefined && req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(url, { method: req.method, headers, body: hasBody ? body : undefined });
  // msw clones every request it is given (a tee of its body stream) only to hand the unread copy to
  // its own logging, in the result `getResponse` drops; resolvers always get the request itself.
  // Registered as its own clone, the request is not copied.
  RequestHandler.cache.set(request as StrictRequest<null>, request as StrictRequest<null>);
  return request;
}
