import { type Authentication, prologue } from '../admin';
import type { Recipient } from './directory';
import { EXCHANGE_FAULTS } from './faults';
import type { ExchangeState } from './state';

/**
 * The prologue of Exchange's handlers (mocks/admin/resolver-prologue.ts): its faults, then Basic
 * authentication in `realm`; the resolver is handed the signed-in mailbox.
 */
export function exchangeResolver(state: ExchangeState, realm: string) {
  return prologue<Recipient>({
    journal: state.journal,
    faults: state.faults,
    replies: EXCHANGE_FAULTS,
    authenticate: (request) => authenticate(state, request, realm),
  });
}

/**
 * Basic authentication as Exchange Online answered it: the sign-in name must be the user's UPN or
 * one of its SMTP addresses and the password the tenant's. Anything else is a 401 with a
 * `WWW-Authenticate` challenge, which a desktop client shows as a credential prompt.
 */
export function authenticate(
  state: ExchangeState,
  request: Request,
  realm: string,
): Authentication<Recipient> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  const challenge = () =>
    new Response(null, { status: 401, headers: { 'WWW-Authenticate': `Basic realm="${realm}"` } });
  if (!match) return { denied: challenge() };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const login = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const user = state.mailboxUser(login);
  if (!user || password !== state.password) return { denied: challenge(), login };
  return { caller: user };
}
