import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  applyHttpFault,
  excerpt,
  type FaultPlan,
  type FaultReplies,
  faultStatus,
  type Journal,
} from '../admin';
import type { PresenceService } from './presence-service';

export const UCWA_PREFIX = '/ucwa/oauth/v1/applications/';

type Reply = { status: number; body: unknown };

/**
 * UCWA-style resources of one signed-in user, `/ucwa/oauth/v1/applications/{sip}/...`:
 * - GET  people/search?query=       directory search (users and contacts)
 * - GET  people/contacts            the pinned contact list; POST {uri} adds one
 * - POST people/presenceSubscriptions {uris: [...]}   batchSub; per-uri state
 * - GET  people/{uri}/presence      what the user sees for that person
 * - POST communication/messaging {to, text}           an instant message
 * - GET  people/lookup?mail=        resolves a tenant user by mail (what OWA's Lync integration uses)
 * - GET  people/card?mail=          the address-book card: name and SIP address (what Outlook reads)
 */
export interface UcwaContext {
  service: PresenceService;
  journal: Journal;
  faults: FaultPlan;
}

export interface UcwaExchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: string;
}

export async function handleUcwa(ctx: UcwaContext, exchange: UcwaExchange): Promise<void> {
  const { req, res, url, body } = exchange;
  const method = req.method ?? 'GET';
  if (await applyHttpFault(ctx.faults, ctx.journal, ucwaOperation(method, url), exchange, UCWA_FAULTS))
    return;
  let reply: Reply & { operation: string };
  try {
    reply = route(ctx.service, method, url, body);
  } catch (error) {
    // A malformed path (bad %-escape) or body: the client's error, and the server goes on serving.
    reply = {
      operation: 'http.bad',
      status: 400,
      body: { code: 'BadRequest', message: (error as Error).message },
    };
  }
  ctx.journal.record({
    operation: reply.operation,
    request: {
      method,
      path: excerpt(url.pathname, 160),
      ...(body ? { body: excerpt(body, 160) } : {}),
    },
    outcome: { status: reply.status },
    ...(reply.operation === 'http.unknown' ? { unmatched: true } : {}),
  });
  res.writeHead(reply.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(reply.body));
}

/** The operation a request names, known before it runs (what an injected fault is matched on). */
export function ucwaOperation(method: string, url: URL): string {
  const rest = url.pathname.startsWith(UCWA_PREFIX)
    ? url.pathname.slice(UCWA_PREFIX.length).replace(/^[^/]+\//, '')
    : '';
  return (
    OPERATIONS[`${method} ${rest.replace(/^people\/[^/]+\/presence$/, 'people/*/presence')}`] ??
    'http.unknown'
  );
}

const OPERATIONS: Record<string, string> = {
  'GET people/search': 'ucwa.search',
  'GET people/contacts': 'ucwa.contacts',
  'POST people/contacts': 'ucwa.addContact',
  'POST people/presenceSubscriptions': 'ucwa.batchSub',
  'GET people/*/presence': 'ucwa.presence',
  'POST communication/messaging': 'ucwa.message',
  'GET people/lookup': 'ucwa.lookup',
  'GET people/card': 'gal.card',
};

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

function route(
  service: PresenceService,
  method: string,
  url: URL,
  body: string,
): Reply & { operation: string } {
  const match = url.pathname.startsWith(UCWA_PREFIX)
    ? url.pathname.slice(UCWA_PREFIX.length).match(/^([^/]+)\/(.+)$/)
    : null;
  if (!match)
    return {
      operation: 'http.unknown',
      status: 404,
      body: { code: 'NotFound', message: `no resource ${url.pathname}` },
    };
  const me = decodeURIComponent(match[1]).toLowerCase();
  const rest = match[2];
  if (service.person(me)?.kind !== 'user')
    return {
      operation: 'ucwa.auth',
      status: 403,
      body: { code: 'Forbidden', message: `${me} is not a Lync Online user of this tenant` },
    };
  const json = parseBody(body);
  const key = `${method} ${rest.replace(/^people\/[^/]+\/presence$/, 'people/*/presence')}`;
  switch (key) {
    case 'GET people/search':
      return ok('ucwa.search', { contacts: service.search(url.searchParams.get('query') ?? '').map(card) });
    case 'GET people/contacts':
      return ok('ucwa.contacts', { contacts: service.contactList(me) });
    case 'POST people/contacts': {
      if (typeof json?.uri !== 'string') return bad('ucwa.addContact', '"uri" is required');
      const added = service.addContact(me, json.uri.toLowerCase());
      return added.added
        ? { operation: 'ucwa.addContact', status: 201, body: added }
        : { operation: 'ucwa.addContact', status: 409, body: { code: 'ContactListFull', ...added } };
    }
    case 'POST people/presenceSubscriptions': {
      if (!Array.isArray(json?.uris)) return bad('ucwa.batchSub', '"uris" must be an array of SIP URIs');
      return ok('ucwa.batchSub', {
        subscriptions: json.uris.map((uri: unknown) => service.subscribe(me, String(uri))),
      });
    }
    case 'GET people/*/presence':
      return ok('ucwa.presence', service.presence(me, decodeURIComponent(rest.split('/')[1])));
    case 'POST communication/messaging': {
      if (typeof json?.to !== 'string') return bad('ucwa.message', '"to" is required');
      const sent = service.sendMessage(json.to);
      return { operation: 'ucwa.message', status: sent.status, body: sent };
    }
    case 'GET people/lookup': {
      const user = service.tenantUserByMail(url.searchParams.get('mail') ?? '');
      return user
        ? ok('ucwa.lookup', card(user))
        : {
            operation: 'ucwa.lookup',
            status: 404,
            body: { code: 'NotFound', message: 'no Lync Online user has that address' },
          };
    }
    case 'GET people/card': {
      const person = service.byMail(url.searchParams.get('mail') ?? '');
      return person
        ? ok('gal.card', card(person))
        : { operation: 'gal.card', status: 404, body: { code: 'NotFound' } };
    }
    default:
      return {
        operation: 'http.unknown',
        status: 404,
        body: { code: 'NotFound', message: `no resource ${method} ${rest}` },
      };
  }
}

const ok = (operation: string, body: unknown) => ({ operation, status: 200, body });
const bad = (operation: string, message: string) => ({
  operation,
  status: 400,
  body: { code: 'BadRequest', message },
});
const card = (p: { name: string; mail: string; sip?: string; kind: string }) => ({
  name: p.name,
  mail: p.mail,
  sip: p.sip ?? null,
  kind: p.kind,
});

// biome-ignore lint/suspicious/noExplicitAny: request bodies are checked field by field above
function parseBody(body: string): any {
  try {
    return body ? JSON.parse(body) : undefined;
  } catch {
    return undefined;
  }
}
