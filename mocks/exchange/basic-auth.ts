import { HttpResponse } from 'msw';
import type { Recipient } from './directory';
import type { ExchangeState } from './state';

export type AuthResult = { user: Recipient; login: string } | { denied: Response; login?: string };

/**
 * Basic authentication as Exchange Online answered it: the sign-in name must be the user's UPN or
 * one of its SMTP addresses and the password the tenant's. Anything else is a 401 with a
 * `WWW-Authenticate` challenge, which a desktop client shows as a credential prompt.
 */
export function authenticate(state: ExchangeState, request: Request, realm: string): AuthResult {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  const challenge = () =>
    new HttpResponse(null, { status: 401, headers: { 'WWW-Authenticate': `Basic realm="${realm}"` } });
  if (!match) return { denied: challenge() };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const login = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const user = state.mailboxUser(login);
  if (!user || password !== state.password) return { denied: challenge(), login };
  return { user, login };
}
