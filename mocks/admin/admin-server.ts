import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  ADMIN_CONTEXT,
  type AdminContext,
  AdminInputError,
  type AdminReply,
  type AdminRequest,
  type AdminRoutes,
  errors,
} from './admin-routes';
import { ADMIN_TOKEN_VARIABLE, adminCredential, bearerMatches } from './admin-token';
import { loopbackHost, urlHost } from './contract';
import { respond, serveGuarded } from './http-guard';
import { adminBodyLimit } from './http-limits';
import { Journal } from './journal';
import { closeServer, listenOnLoopback, stopOnce } from './listen';
import { readBody } from './request-body';

/** The context of a route table built by `adminRoutes` (a hand-made table gets this process's token). */
export function adminContext(routes: AdminRoutes): AdminContext {
  routes[ADMIN_CONTEXT] ??= {
    service: 'mock',
    journal: new Journal('mock', () => new Date()),
    ...adminCredential(),
  };
  return routes[ADMIN_CONTEXT];
}

/**
 * Serves admin routes; false when the request is not an admin request. Every route but
 * `GET /__admin/health` needs `Authorization: Bearer <token>` (401 otherwise, before any body is read);
 * health without it says only that the service is up.
 */
export async function handleAdmin(
  routes: AdminRoutes,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (!url.pathname.startsWith('/__admin/')) return false;
  const context = adminContext(routes);
  const key = `${req.method} ${url.pathname}`;
  if (answeredWithoutToken(context, req, res, key)) return true;
  const route = routes[key];
  if (!route) {
    send(req, res, { status: 404, json: errors('no-route', `no admin route ${req.method} ${url.pathname}`) });
    return true;
  }
  const bytes = await readBody(req, adminBodyLimit(req.method, url.pathname));
  let text: string | undefined;
  const request: AdminRequest = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    bytes,
    // Decoded when a route reads it: a data load that parses the bytes never holds a second copy as text.
    get body() {
      text ??= bytes.toString('utf8');
      return text;
    },
    contentType: req.headers['content-type'] ?? '',
  };
  try {
    send(req, res, await route(request));
  } catch (error) {
    if (error instanceof AdminInputError) {
      send(req, res, { status: 400, json: errors(error.code, error.message, error.source) });
      return true;
    }
    const message = String((error as Error)?.message ?? error);
    context.journal.record({
      operation: 'admin.error',
      request: { route: key },
      outcome: { status: 500, message },
    });
    send(req, res, { status: 500, json: errors('internal', message) });
  }
  return true;
}

/** Answers a request without the token where it has to be (health: up, nothing more; else a 401). */
function answeredWithoutToken(
  context: AdminContext,
  req: IncomingMessage,
  res: ServerResponse,
  key: string,
): boolean {
  if (bearerMatches(req.headers.authorization, context.token)) return false;
  if (key === 'GET /__admin/health') {
    send(req, res, { json: { status: 'ok' } });
    return true;
  }
  if (!context.required) return false;
  const message = `the admin API needs Authorization: Bearer <${ADMIN_TOKEN_VARIABLE}>`;
  send(
    req,
    res,
    { status: 401, json: errors('unauthorized', message) },
    {
      'www-authenticate': 'Bearer realm="lync-mock-admin"',
    },
  );
  return true;
}

/** Starts a stand-alone admin server (for mocks that do not speak HTTP themselves). */
export async function startAdminServer(routes: AdminRoutes, host?: string, port = 0) {
  const bind = loopbackHost(host);
  const context = adminContext(routes);
  const server: Server = createServer();
  const guard = {
    label: `mock:${context.service} admin`,
    journal: context.journal,
    limit: (method: string, url: URL) => adminBodyLimit(method, url.pathname),
  };
  serveGuarded(server, guard, async (req, res, url) => {
    if (!(await handleAdmin(routes, req, res, url)))
      send(req, res, { status: 404, json: errors('not-admin', 'only /__admin/ routes are served here') });
  });
  const bound = await listenOnLoopback(server, bind, port);
  return {
    url: `http://${urlHost(bind)}:${bound}`,
    token: context.token,
    stop: stopOnce(() => closeServer(server)),
    server,
  };
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  reply: AdminReply,
  headers: Record<string, string> = {},
): void {
  const body = reply.text ?? JSON.stringify(reply.json ?? {});
  const contentType = reply.contentType ?? (reply.text !== undefined ? 'text/plain' : 'application/json');
  respond(req, res, reply.status ?? 200, body, { 'content-type': contentType, ...headers });
}
