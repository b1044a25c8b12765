import { buildSampleTenant } from '../tenant/sample';
import type { Tenant } from '../tenant/tenant';

/**
 * The rule examples' own data: the bundled sample tenant, the notes' people (Anna Berg, Pat Kim,
 * Jed Hill, CSLyncRecordingUsers, ...). The examples read and behave the same whatever tenant the user
 * loads, because they never run on it.
 */
export function fixtureTenant(): Tenant {
  return buildSampleTenant();
}

/** Who of the fixtures is signed in with another availability than Available: Anna Berg, on ABC's Lync. */
export const FIXTURE_PRESENCE: Record<string, string> = { 'sip:anna.berg@abc.corp': 'Away' };
