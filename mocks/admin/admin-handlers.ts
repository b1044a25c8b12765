import { http, type RequestHandler } from 'msw';
import {
  ADMIN_CONTEXT,
  type AdminContext,
  AdminInputError,
  type AdminReply,
  type AdminRequest,
  type AdminRoute,
  type AdminRoutes,
  errors,
  isStreamed,
} from './admin-routes';
import { ADMIN_TOKEN_VARIABLE, adminCredential, bearerMatches } from './admin-token';
import { Journal } from './journal';
import { BodyAborted, type BodyStream, BodyTooLarge } from './request-body';
import { requestBytes, requestStream } from './request-bytes';

const ADMIN_PREFIX = '/__admin/';

export const isAdminPath = (pathname: string) => pathname.startsWith(ADMIN_PREFIX);

/** The context of a route table built by `adminRoutes` (a hand-made table gets this process's token). */
export function adminContext(routes: AdminRoutes): AdminContext {
  routes[ADMIN_CONTEXT] ??= {
    service: 'mock',
    journal: new Journal('mock', () => new Date()),
    ...adminCredential(),
  };
  return routes[ADMIN_CONTEXT];
}

/** The admin handler a request can match: its route's, or the 404 handler when no route has its method and path. */
export type AdminHandlers = (method: string, pathname: string) => RequestHandler[];

/**
 * The admin API as msw handlers: one per route (`METHOD /__admin/path`), and one that answers 404 for
 * any other admin path. Each goes through the admin prologue (`adminResolver`). A request is handed
 * to msw with the one handler its method and path can match (each handler msw tries costs a URL parse
 * and a cookie-jar look-up), so the route table is read once per request, not once per route.
 */
export function adminHandlers(routes: AdminRoutes): AdminHandlers {
  const context = adminContext(routes);
  const byKey = new Map<string, RequestHandler[]>();
  for (const [key, route] of Object.entries(routes)) {
    const [method, path] = key.split(' ');
    const matches = ({ request }: { request: Request }) =>
      request.method === method && new URL(request.url).pathname === path;
    byKey.set(key, [http.all(matches, adminResolver(context, key, route))]);
  }
  const noRoute: AdminRoute = (req) => ({
    status: 404,
    json: errors('no-route', `no admin route ${req.method} ${req.path}`),
  });
  const anyAdminPath = ({ request }: { request: Request }) => isAdminPath(new URL(request.url).pathname);
  const notFound = [http.all(anyAdminPath, adminResolver(context, '', noRoute))];
  return (method, pathname) => byKey.get(`${method} ${pathname}`) ?? notFound;
}

/**
 * The admin prologue around a route: the bearer token is checked before any body is read (401;
 * `GET /__admin/health` without it says only that the service is up), then the body is read within
 * the admin API's limit; bad input (`AdminInputError`) is a 400 naming the problem, any other failure
 * a 500 with an `admin.error` journal entry.
 */
function adminResolver(context: AdminContext, key: string, route: AdminRoute) {
  return async ({ request }: { request: Request }): Promise<Response> => {
    const refused = answeredWithoutToken(context, request, key);
    if (refused) return refused;
    const stream = isStreamed(route) ? requestStream(request) : undefined;
    const bytes = stream ? undefined : await requestBytes(request);
    try {
      const answer = await route(adminRequest(request, bytes, stream));
      await stream?.drain();
      return reply(answer);
    } catch (error) {
      if (error instanceof BodyTooLarge || error instanceof BodyAborted) throw error;
      // A refused streamed load is answered once the client has sent the rest (read and dropped).
      await stream?.drain();
      if (error instanceof AdminInputError)
        return reply({ status: 400, json: errors(error.code, error.message, error.source) });
      const message = String((error as Error)?.message ?? error);
      context.journal.record({
        operation: 'admin.error',
        request: { route: key },
        outcome: { status: 500, message },
      });
      return reply({ status: 500, json: errors('internal', message) });
    }
  };
}

function adminRequest(request: Request, bytes: Buffer | undefined, chunks?: BodyStream): AdminRequest {
  const url = new URL(request.url);
  let text: string | undefined;
  const whole = () => {
    if (!bytes) throw new Error('[mock] this admin route reads its body as a stream (request.chunks)');
    return bytes;
  };
  return {
    method: request.method,
    path: url.pathname,
    query: url.searchParams,
    get bytes() {
      return whole();
    },
    chunks,
    // Decoded when a route reads it: a data load that parses the bytes never holds a second copy as text.
    get body() {
      text ??= whole().toString('utf8');
      return text;
    },
    contentType: request.headers.get('content-type') ?? '',
  };
}

/** The answer to a request without the token where it has to be one (health: up, nothing more; else 401). */
function answeredWithoutToken(context: AdminContext, request: Request, key: string): Response | undefined {
  if (bearerMatches(request.headers.get('authorization') ?? undefined, context.token)) return undefined;
  if (key === 'GET /__admin/health') return reply({ json: { status: 'ok' } });
  if (!context.required) return undefined;
  const message = `the admin API needs Authorization: Bearer <${ADMIN_TOKEN_VARIABLE}>`;
  return reply(
    { status: 401, json: errors('unauthorized', message) },
    { 'www-authenticate': 'Bearer realm="lync-mock-admin"' },
  );
}

function reply(answer: AdminReply, headers: Record<string, string> = {}): Response {
  const body = answer.text ?? JSON.stringify(answer.json ?? {});
  const contentType = answer.contentType ?? (answer.text !== undefined ? 'text/plain' : 'application/json');
  return new Response(body, {
    status: answer.status ?? 200,
    headers: { 'content-type': contentType, ...headers },
  });
}
