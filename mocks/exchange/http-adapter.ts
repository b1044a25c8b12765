import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getResponse, type RequestHandler } from 'msw';
import { type AdminRoute, handleAdmin } from '../admin';

/**
 * Serves msw request handlers over a real node:http server (msw's public `getResponse`), with the
 * admin API on the same port. `onUnmatched` answers requests no handler matched.
 */
export function createMswServer(
  handlers: RequestHandler[],
  adminRoutes: Record<string, AdminRoute>,
  onUnmatched: (method: string, url: string) => Response,
): Server {
  const server = createServer((req, res) => {
    serve(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`[mock:exchange] internal error: ${(error as Error).message}`);
    });
  });
  // Idle keep-alive sockets outlive the client's own idle timeout, so a client never reuses a socket
  // the server is closing at that moment (seen as "fetch failed" while a large OAB blocked the loop).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (await handleAdmin(adminRoutes, req, res)) return;
    const request = toRequest(req);
    const response = (await getResponse(handlers, request)) ?? onUnmatched(request.method, request.url);
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
}

function toRequest(req: IncomingMessage): Request {
  const url = `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`;
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: 'half',
  } as RequestInit);
}
