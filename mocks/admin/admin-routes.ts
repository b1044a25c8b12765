import { adminCredential } from './admin-token';
import { VirtualClock } from './clock';
import type { Fault, FaultPlan } from './faults';
import type { Journal } from './journal';

export interface AdminRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string;
  /** The body as text (UTF-8). */
  readonly body: string;
  /** The body as received. */
  readonly bytes: Buffer;
  /** For a route made with `streamedRoute`: the body a piece at a time as it arrives (`bytes` and `body` are not read). */
  readonly chunks?: AsyncIterable<Buffer>;
}

export type AdminReply = { status?: number; json?: unknown; text?: string; contentType?: string };
export type AdminRoute = (request: AdminRequest) => AdminReply | Promise<AdminReply>;

const STREAMED = new WeakSet<AdminRoute>();

/** A route that reads its body as it arrives (`request.chunks`), never whole. */
export function streamedRoute(route: AdminRoute): AdminRoute {
  STREAMED.add(route);
  return route;
}

export function isStreamed(route: AdminRoute): boolean {
  return STREAMED.has(route);
}

/** What the admin server of a route table needs besides the routes: who it is and its credential. */
export interface AdminContext {
  service: string;
  journal: Journal;
  /** The bearer token every admin request but `GET /__admin/health` must carry. */
  token: string;
  /** Whether it must (see `adminCredential`). */
  required: boolean;
}

export const ADMIN_CONTEXT = Symbol('admin context');
export type AdminRoutes = Record<string, AdminRoute> & { [ADMIN_CONTEXT]?: AdminContext };

export interface AdminOptions {
  service: string;
  clock: VirtualClock;
  journal: Journal;
  faults: FaultPlan;
  /** Restores the service's fixtures (called by reset, after the journal, clock and faults are cleared). */
  reset?: () => void | Promise<void>;
  /** Replaces the service's data (PUT /__admin/data); throw AdminInputError for bad input. */
  load?: (body: string, contentType: string) => unknown | Promise<unknown>;
  /** Instead of `load`: the data as received, for a service that parses large loads piece by piece. */
  loadBytes?: (body: Buffer, contentType: string) => unknown | Promise<unknown>;
  /** Instead of both: the data a piece at a time as it arrives, so a whole tenant is never held at once. */
  loadStream?: (body: AsyncIterable<Buffer>, contentType: string) => Promise<unknown>;
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

/**
 * The admin API every mock shares (health, reset, clock, journal, faults, data). The admin credential
 * is read here, when the mock starts.
 */
export function adminRoutes(options: AdminOptions): AdminRoutes {
  const { clock, journal, faults } = options;
  const routes: AdminRoutes = {
    'GET /__admin/health': () => ({
      json: { service: options.service, status: 'ok', now: clock.now().toISOString() },
    }),
    'POST /__admin/reset': async (req) => {
      const { correlationId } = parseJson(req.body) as { correlationId?: string };
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
      if (typeof ms !== 'number' || !(ms >= 0))
        throw new AdminInputError('"ms" must be a number >= 0', 'bad-time');
      if (!VirtualClock.canShow(clock.millis() + ms))
        throw new AdminInputError(`advancing by ${ms} ms leaves the times a Date can show`, 'bad-time');
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
        faults.inject(parseJson(req.body) as unknown as Fault);
      } catch (error) {
        throw new AdminInputError((error as Error).message, 'bad-fault');
      }
      return { status: 201, json: { faults: faults.list() } };
    },
    'DELETE /__admin/faults': () => {
      faults.clear();
      return { json: { cleared: true } };
    },
    'PUT /__admin/data': options.loadStream
      ? streamedRoute(async (req) => ({
          json: (await options.loadStream!(req.chunks!, req.contentType)) ?? { loaded: true },
        }))
      : async (req) => {
          if (options.loadBytes)
            return { json: (await options.loadBytes(req.bytes, req.contentType)) ?? { loaded: true } };
          if (!options.load)
            return { status: 404, json: errors('no-data', `${options.service} takes no data`) };
          return { json: (await options.load(req.body, req.contentType)) ?? { loaded: true } };
        },
    ...options.routes,
  };
  routes[ADMIN_CONTEXT] = { service: options.service, journal, ...adminCredential() };
  return routes;
}

/**
 * The body as a JSON object (an empty body is `{}`); anything else is the caller's 400, naming what
 * came and, when given, the shape expected (e.g. `{ people: [...] }`).
 */
export function parseJson(body: string, expected?: string): Record<string, unknown> {
  const shape = expected ? `: ${expected}` : '';
  let value: unknown;
  try {
    value = JSON.parse(body || '{}');
  } catch {
    throw new AdminInputError(`the body is not valid JSON${shape}`, 'bad-json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new AdminInputError(
      `the body must be a JSON object, not ${describeJson(value)}${shape}`,
      'bad-json',
    );
  return value as Record<string, unknown>;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

export function errors(code: string, message: string, source?: string) {
  return { errors: [{ code, message, ...(source ? { source } : {}) }] };
}
