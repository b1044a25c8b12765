import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { VirtualClock } from './clock';
import { loopbackHost, urlHost } from './contract';
import type { Fault, FaultPlan } from './faults';
import type { Journal } from './journal';
import { closeServer, listenOnLoopback, stopOnce } from './listen';

export interface AdminRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  body: string;
}

export type AdminReply = { status?: number; json?: unknown; text?: string; contentType?: string };
export type AdminRoute = (request: AdminRequest) => AdminReply | Promise<AdminReply>;

export interface AdminOptions {
  service: string;
  clock: VirtualClock;
  journal: Journal;
  faults: FaultPlan;
  /** Restores the service's fixtures (called by reset, after the journal, clock and faults are cleared). */
  reset?: () => void | Promise<void>;
  /** Replaces the service's data (PUT /__admin/data); throw AdminInputError for bad input. */
  load?: (body: string, contentType: string) => unknown | Promise<unknown>;
  /** Service-specific routes, keyed `METHOD /__admin/path`. */
  routes?: Record<string, AdminRoute>;
}

/** Bad input to the admin API: answered 400 with `{ errors: [{ code, message, source }] }`. */
export class AdminInputError extends Error {
  constructor(
    message: string,
    readonly code = 'bad-input',
    readonly source?: string,
  ) {
    super(message);
  }
}

/** The admin API every mock shares (health, reset, clock, journal, faults, data). */
export function adminRoutes(options: AdminOptions): Record<string, AdminRoute> {
  const { clock, journal, faults } = options;
  return {
    'GET /__admin/health': () => ({
      json: { service: options.service, status: 'ok', now: clock.now().toISOString() },
    }),
    'POST /__admin/reset': async (req) => {
      const { correlationId } = parseJson(req.body || '{}') as { correlationId?: string };
      journal.clear();
      faults.clearScenarioFaults();
      clock.rewind();
      journal.correlationId = correlationId;
      await options.reset?.();
      return { json: { reset: true } };
    },
    'POST /__admin/correlation': (req) => {
      journal.correlationId = (parseJson(req.body) as { id?: string }).id;
      return { json: { correlationId: journal.correlationId ?? null } };
    },
    'GET /__admin/clock': () => ({ json: { now: clock.now().toISOString() } }),
    'PUT /__admin/clock': (req) => {
      const { now } = parseJson(req.body) as { now?: string };
      const when = new Date(String(now));
      if (Number.isNaN(when.getTime()))
        throw new AdminInputError(`"now" must be an ISO time, got ${now}`, 'bad-time');
      clock.set(when);
      return { json: { now: clock.now().toISOString() } };
    },
    'POST /__admin/clock/advance': (req) => {
      const { ms } = parseJson(req.body) as { ms?: number };
      if (typeof ms !== 'number' || ms < 0)
        throw new AdminInputError('"ms" must be a number >= 0', 'bad-time');
      clock.advance(ms);
      return { json: { now: clock.now().toISOString() } };
    },
    'GET /__admin/journal': (req) => ({
      json: {
        entries: journal.list({
          operation: req.query.get('operation') ?? undefined,
          correlationId: req.query.get('correlationId') ?? undefined,
          unmatched: req.query.has('unmatched') ? req.query.get('unmatched') === 'true' : undefined,
        }),
        dropped: journal.droppedCount(),
      },
    }),
    'DELETE /__admin/journal': () => {
      journal.clear();
      return { json: { cleared: true } };
    },
    'GET /__admin/faults': () => ({ json: { faults: faults.list() } }),
    'POST /__admin/faults': (req) => {
      try {
        faults.inject(parseJson(req.body) as Fault);
      } catch (error) {
        throw new AdminInputError((error as Error).message, 'bad-fault');
      }
      return { status: 201, json: { faults: faults.list() } };
    },
    'DELETE /__admin/faults': () => {
      faults.clear();
      return { json: { cleared: true } };
    },
    'PUT /__admin/data': async (req) => {
      if (!options.load) return { status: 404, json: errors('no-data', `${options.service} takes no data`) };
      return { json: (await options.load(req.body, req.contentType)) ?? { loaded: true } };
    },
    ...options.routes,
  };
}

/** Serves admin routes; returns false when the request is not an admin request. */
export async function handleAdmin(
  routes: Record<string, AdminRoute>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://admin');
  if (!url.pathname.startsWith('/__admin/')) return false;
  const route = routes[`${req.method} ${url.pathname}`];
  const body = await readBody(req);
  if (!route) {
    send(res, { status: 404, json: errors('no-route', `no admin route ${req.method} ${url.pathname}`) });
    return true;
  }
  try {
    const request = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body,
      contentType: req.headers['content-type'] ?? '',
    };
    send(res, await route(request));
  } catch (error) {
    if (error instanceof AdminInputError)
      send(res, { status: 400, json: errors(error.code, error.message, error.source) });
    else send(res, { status: 500, json: errors('internal', String((error as Error)?.message ?? error)) });
  }
  return true;
}

/** Starts a stand-alone admin server (for mocks that do not speak HTTP themselves). */
export async function startAdminServer(routes: Record<string, AdminRoute>, host?: string, port = 0) {
  const bind = loopbackHost(host);
  const server: Server = createServer((req, res) => {
    handleAdmin(routes, req, res).then((handled) => {
      if (!handled)
        send(res, { status: 404, json: errors('not-admin', 'only /__admin/ routes are served here') });
    });
  });
  const bound = await listenOnLoopback(server, bind, port);
  return {
    url: `http://${urlHost(bind)}:${bound}`,
    stop: stopOnce(() => closeServer(server)),
    server,
  };
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body || '{}');
  } catch {
    throw new AdminInputError('the body is not valid JSON', 'bad-json');
  }
}

function errors(code: string, message: string, source?: string) {
  return { errors: [{ code, message, ...(source ? { source } : {}) }] };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: AdminReply): void {
  const body = reply.text ?? JSON.stringify(reply.json ?? {});
  res.writeHead(reply.status ?? 200, {
    'content-type': reply.contentType ?? (reply.text !== undefined ? 'text/plain' : 'application/json'),
  });
  res.end(body);
}
