import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The environment variable that hands a run's admin token to every mock and to the AdminClient. */
export const ADMIN_TOKEN_VARIABLE = 'LYNC_MOCK_ADMIN_TOKEN';

let generated: string | undefined;

/**
 * This process's admin token: LYNC_MOCK_ADMIN_TOKEN when it is set (and not empty), otherwise one made
 * at random on first use and kept for the life of the process, so the mocks and an AdminClient in one
 * process agree without anything printed.
 */
export function adminToken(): string {
  const given = process.env[ADMIN_TOKEN_VARIABLE];
  if (given) return given;
  generated ??= randomBytes(32).toString('base64url');
  return generated;
}

/**
 * The credential a mock's admin API takes, read when the mock starts: always required. The harness sets
 * LYNC_MOCK_ADMIN_TOKEN before any service starts (its services inherit it); a mock started alone
 * without it makes one up, which only its own process knows.
 */
export function adminCredential(): { token: string; required: boolean } {
  return { token: adminToken(), required: true };
}

/** True when an Authorization header carries `Bearer <token>` (compared in constant time). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  if (!match) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

/** The Authorization header of an admin request, for tests and tools that call the admin API with fetch. */
export function adminHeaders(token = adminToken()): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
