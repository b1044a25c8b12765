import { http, type RequestHandler } from 'msw';
import {
  excerpt,
  type FaultPlan,
  type FaultReplies,
  faultStatus,
  type Journal,
  pathIs,
  prologue,
  type Served,
  unmatchedRequests,
} from '../admin';
import type { PresenceService } from './presence-service';

export const UCWA_PREFIX = '/ucwa/oauth/v1/applications/';

export interface UcwaContext {
  /** The service in force (a load or a reset replaces it). */
  service(): PresenceService;
  journal: Journal;
  faults: FaultPlan;
}

type Ucwa = Served<string, Record<string, unknown>>;

/**
 * UCWA-style resources of one signed-in user, `/ucwa/oauth/v1/applications/{sip}/...`, as msw handlers:
 * - GET  people/search?query=       directory search (users and contacts)
 * - GET  people/contacts            the pinned contact list; POST {uri} adds one
 * - POST people/presenceSubscriptions {uris: [...]}   batchSub; per-uri state
 * - GET  people/{uri}/presence      what the user sees for that person
 * - POST communication/messaging {to, text}           an instant message
 * - GET  people/lookup?mail=        resolves a tenant user by mail (what OWA's Lync integration uses)
 * - GET  people/card?mail=          the address-book card: name and SIP address (what Outlook reads)
 * The application's user must be a Lync Online user of the tenant (403 otherwise).
 */
export function ucwaHandlers(ctx: UcwaContext): RequestHandler[] {
  const served = prologue<string>({
    journal: ctx.journal,
    faults: ctx.faults,
    replies: UCWA_FAULTS,
    authenticate: (request) => signedIn(ctx, request),
  });
  const at = (resource: string) => pathIs(`${UCWA_PREFIX}:me/${resource}`);
  const answer = (operation: string, run: (s: Ucwa, body: unknown) => Reply) =>
    served(operation, async (s: Ucwa) => {
      const text = await s.request.text();
      const reply = run(s, parseBody(text));
      journal(ctx, s, text, reply.status);
      return Response.json(reply.body, { status: reply.status });
    });
  const service = ctx.service;
  return [
    http.get(
      at('people/search'),
      answer('ucwa.search', ({ url }) =>
        ok({
          contacts: service()
            .search(url.searchParams.get('query') ?? '')
            .map(card),
        }),
      ),
    ),
    http.get(
      at('people/contacts'),
      answer('ucwa.contacts', ({ caller }) => ok({ contacts: service().contactList(caller) })),
    ),
    http.post(
      at('people/contacts'),
      answer('ucwa.addContact', ({ caller }, json) => addContact(service(), caller, json)),
    ),
    http.post(
      at('people/presenceSubscriptions'),
      answer('ucwa.batchSub', ({ caller }, json) => {
        const uris = (json as { uris?: unknown })?.uris;
        if (!Array.isArray(uris)) return bad('"uris" must be an array of SIP URIs');
        return ok({ subscriptions: uris.map((uri) => service().subscribe(caller, String(uri))) });
      }),
    ),
    http.get(
      at('people/:who/presence'),
      answer('ucwa.presence', ({ caller, params }) => ok(service().presence(caller, String(params.who)))),
    ),
    http.post(
      at('communication/messaging'),
      answer('ucwa.message', (_s, json) => {
        const to = (json as { to?: unknown })?.to;
        if (typeof to !== 'string') return bad('"to" is required');
        const sent = service().sendMessage(to);
        return { status: sent.status, body: sent };
      }),
    ),
    http.get(
      at('people/lookup'),
      answer('ucwa.lookup', ({ url }) => {
        const user = service().tenantUserByMail(url.searchParams.get('mail') ?? '');
        return user
          ? ok(card(user))
          : { status: 404, body: { code: 'NotFound', message: 'no Lync Online user has that address' } };
      }),
    ),
    http.get(
      at('people/card'),
      answer('gal.card', ({ url }) => {
        const person = service().byMail(url.searchParams.get('mail') ?? '');
        return person ? ok(card(person)) : { status: 404, body: { code: 'NotFound' } };
      }),
    ),
  ];
}

/** The answer to a request no resource takes (journaled as unmatched). */
export function ucwaUnmatched(journal: Journal) {
  return unmatchedRequests(journal, 'http.unknown', (method, path) =>
    Response.json({ code: 'NotFound', message: `no resource ${method} ${path}` }, { status: 404 }),
  );
}

type Reply = { status: number; body: unknown };

function signedIn(ctx: UcwaContext, request: Request) {
  const me = UCWA_USER.exec(new URL(request.url).pathname);
  const sip = decodeURIComponent(me?.[1] ?? '').toLowerCase();
  if (ctx.service().person(sip)?.kind === 'user') return { caller: sip };
  const body = { code: 'Forbidden', message: `${sip} is not a Lync Online user of this tenant` };
  return { denied: Response.json(body, { status: 403 }), login: sip };
}

const UCWA_USER = /^\/ucwa\/oauth\/v1\/applications\/([^/]+)\//;

function addContact(service: PresenceService, me: string, json: unknown): Reply {
  const uri = (json as { uri?: unknown })?.uri;
  if (typeof uri !== 'string') return bad('"uri" is required');
  const added = service.addContact(me, uri.toLowerCase());
  return added.added
    ? { status: 201, body: added }
    : { status: 409, body: { code: 'ContactListFull', ...added } };
}

function journal(ctx: UcwaContext, s: Ucwa, body: string, status: number): void {
  ctx.journal.record({
    operation: s.operation,
    request: {
      method: s.request.method,
      path: excerpt(s.url.pathname, 160),
      ...(body ? { body: excerpt(body, 160) } : {}),
    },
    outcome: { status },
  });
}

const UCWA_FAULTS: FaultReplies = {
  malformed: { status: 200, contentType: 'application/json', body: '{"contacts":[{"name":"' },
  error: (code, message) => ({
    status: faultStatus(code),
    contentType: 'application/json',
    body: JSON.stringify({
      code: typeof code === 'string' ? code : 'ServiceFailure',
      message: message ?? `injected ${code}`,
    }),
  }),
};

const ok = (body: unknown): Reply => ({ status: 200, body });
const bad = (message: string): Reply => ({ status: 400, body: { code: 'BadRequest', message } });
const card = (p: { name: string; mail: string; sip?: string; kind: string }) => ({
  name: p.name,
  mail: p.mail,
  sip: p.sip ?? null,
  kind: p.kind,
});

function parseBody(body: string): unknown {
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    return undefined;
  }
}
