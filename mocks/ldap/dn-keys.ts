import { canonicalDn, DnSyntaxError, dnKey, rdnOf } from '../../src/tenant/dn';
import type { AttributeValue } from '../../src/tenant/entry';
import { ownText } from '../../src/tenant/own-text';
import { invalidDn } from './ad-errors';
import { indexKey } from './indexes';

/**
 * DNs as the mock DC compares and stores them, on src/tenant/dn.ts: every spelling of a DN (hex-escaped
 * UTF-8 as some clients send it, plain UTF-8, other case and spacing) has one key, and one stored form.
 */

/** Attributes whose values are DNs: indexed and compared by DN key, not as text. */
export const DN_VALUED = new Set([
  'member',
  'memberof',
  'distinguishedname',
  'objectcategory',
  'manager',
  'managedby',
  'directreports',
]);

const keys = new Map<string, string>();

/** dnKey with a small cache (clients and group members repeat the same DNs); throws DnSyntaxError. */
export function keyOf(dn: string): string {
  let key = keys.get(dn);
  if (key === undefined) {
    key = dnKey(dn);
    if (keys.size > 8192) keys.clear();
    // Its own copy of the DN: a view into a request or an LDIF text would keep that whole text.
    keys.set(ownText(dn), key);
  }
  return key;
}

/** The key of a DN found in data (a member value, a manager): undefined when it is no DN. */
export function keyOrUndefined(dn: string): string | undefined {
  try {
    return keyOf(dn);
  } catch (error) {
    if (error instanceof DnSyntaxError) return undefined;
    throw error;
  }
}

/** The key of a DN a client sent: a malformed one answers invalidDNSyntax, as AD does. */
export function requestKey(dn: string): string {
  try {
    return keyOf(dn);
  } catch (error) {
    if (error instanceof DnSyntaxError) throw invalidDn(dn);
    throw error;
  }
}

/** The index key of a value: DN values by DN key (text that is no DN as plain text). */
export function valueKey(attribute: string, value: AttributeValue): string {
  if (!DN_VALUED.has(attribute) || typeof value !== 'string') return indexKey(value);
  return keyOrUndefined(value) ?? indexKey(value);
}

/** `T=V,...` with nothing to escape or unescape: already the form canonicalDn would write. */
const VALUE = '[^ =,\\\\"+;#<>\\0](?:[^=,\\\\"+;#<>\\0]*[^ =,\\\\"+;#<>\\0])?';
const SIMPLE = new RegExp(`^[A-Za-z][A-Za-z0-9-]*=${VALUE}(?:,[A-Za-z][A-Za-z0-9-]*=${VALUE})*$`);

/**
 * The DN in the form AD writes the DNs it returns (UTF-8 unescaped, no spaces around separators).
 * Nearly every exported DN already is in that form: one pattern says so, and only the others are
 * parsed (a 100,000-object load).
 */
export function storedDn(dn: string): string {
  return SIMPLE.test(dn) ? dn : canonicalDn(dn);
}

/** The value of a stored DN's first RDN (`CN=Berg\\, Anna,OU=x` gives `Berg, Anna`): the `name` AD keeps. */
export function firstRdnValue(dn: string): string {
  if (!SIMPLE.test(dn)) return rdnOf(dn).value;
  const comma = dn.indexOf(',');
  return dn.slice(dn.indexOf('=') + 1, comma < 0 ? dn.length : comma);
}
