import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getResponse, type RequestHandler } from 'msw';
import {
  type AdminRoutes,
  adminContext,
  EWS_MAX_CONTENT,
  handleAdmin,
  IIS_DEFAULT_MAX_CONTENT,
  readBody,
  respond,
  serveGuarded,
  withAdminLimits,
} from '../admin';
import { XML_BYTES_TO_KEEP } from './xml';

/** Methods the Fetch API refuses to put in a Request; IIS does not serve them here either. */
const UNSERVED_METHODS = new Set(['TRACE', 'TRACK', 'CONNECT']);

/** EWS takes what its web.config allows; the rest of the site the IIS default (mocks/admin/http-limits.ts). */
const bodyLimit = withAdminLimits((_method, url) =>
  /^\/ews\//i.test(url.pathname) ? EWS_MAX_CONTENT : IIS_DEFAULT_MAX_CONTENT,
);

/**
 * Serves msw request handlers over a real node:http server (msw's public `getResponse`), with the
 * admin API on the same port. `onUnmatched` answers requests no handler matched. The body is read
 * within its limit before a handler sees it.
 */
export function createMswServer(
  handlers: RequestHandler[],
  adminRoutes: AdminRoutes,
  onUnmatched: (method: string, url: string) => Response,
): Server {
  const server = createServer();
  const guard = { label: 'mock:exchange', journal: adminContext(adminRoutes).journal, limit: bodyLimit };
  serveGuarded(server, guard, async (req, res, url, limit) => {
    if (await handleAdmin(adminRoutes, req, res, url)) return;
    if (UNSERVED_METHODS.has(req.method ?? '')) {
      respond(req, res, 405, `The method ${req.method} is not allowed here.\n`, { allow: 'GET, HEAD, POST' });
      return;
    }
    // Every body here is XML the mock parses up to MAX_XML_CHARS: it counts to the limit, keeps less.
    const body = await readBody(req, limit, XML_BYTES_TO_KEEP);
    const request = toRequest(req, url, body);
    const response = (await getResponse(handlers, request)) ?? onUnmatched(request.method, request.url);
    await send(res, response);
  });
  // Idle keep-alive sockets outlive the client's own idle timeout, so a client never reuses a socket
  // the server is closing at that moment (seen as "fetch failed" while a large OAB blocked the loop).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  if (response.type === 'error') {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), res);
}

function toRequest(req: IncomingMessage, url: URL, body: Buffer): Request {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, { method: req.method, headers, body: hasBody ? body : undefined });
}
