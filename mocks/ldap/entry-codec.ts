import type { AttributeValue } from '../../src/tenant/entry';
import { attribute, octets, searchEntry, searchEntryOp } from './ber';
import type { Dit, StoredEntry } from './dit';

/** AD's MaxValRange: at most this many values of one attribute per read. */
export const MAX_VALUE_RANGE = 1500;

const RANGED = /^([^;]+);range=(\d+)-(\d+|\*)$/i;

/**
 * Encodes one search result entry with the attributes a client asked for, as AD returns them: all
 * stored attributes for `*` or none asked, none for `1.1`, memberOf computed from the groups' member
 * values, and multi-valued attributes past 1,500 values served in ranges (`member;range=0-1499`).
 */
export function encodeEntry(dit: Dit, stored: StoredEntry, messageId: number, requested: string[]): Buffer {
  const key = cacheKey(requested);
  let op = key && stored.cache?.key === key ? stored.cache.op : undefined;
  if (!op) {
    const parts: Buffer[] = [];
    for (const name of selection(stored, requested)) {
      const part = encodedAttribute(dit, stored, name);
      if (part) parts.push(part);
    }
    op = searchEntryOp(octets(stored.dn), parts);
    // One encoded answer per entry, for the last attribute list asked: repeated look-ups cost a copy.
    if (key) stored.cache = { key, op };
  }
  return searchEntry(messageId, op);
}

/** Attributes whose values depend on other objects (memberOf) or on the request (ranges): never cached. */
const DYNAMIC = /^memberof$|;range=/i;
const keys = new WeakMap<string[], string | null>();

/** The cache key of an attribute list (one per search request), or null when the answer cannot be cached. */
function cacheKey(requested: string[]): string | undefined {
  let key = keys.get(requested);
  if (key === undefined) {
    const cacheable = requested.length > 0 && requested.every((n) => n !== '*' && !DYNAMIC.test(n));
    key = cacheable ? requested.join('\u0000') : null;
    keys.set(requested, key);
  }
  return key ?? undefined;
}

function selection(stored: StoredEntry, requested: string[]): string[] {
  if (requested.length === 1 && requested[0] === '1.1') return [];
  const all = requested.length === 0 || requested.includes('*');
  const names = all ? [...stored.entry.names(), 'memberOf'] : [];
  for (const name of requested) if (name !== '*' && name !== '1.1' && name !== '+') names.push(name);
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function encodedAttribute(dit: Dit, stored: StoredEntry, requested: string): Buffer | undefined {
  const key = requested.toLowerCase();
  const ranged = requested.includes(';') ? RANGED.exec(requested) : null;
  if (ranged) return rangedAttribute(dit, stored, ranged[1], Number(ranged[2]), ranged[3]);
  if (key === 'memberof') {
    const groups = dit.memberOf(stored);
    return groups.length
      ? attribute(
          'memberOf',
          groups.map((g) => g.dn),
        )
      : undefined;
  }
  const values = stored.entry.get(key);
  if (values.length === 0) return undefined;
  const name = spelling(stored, key);
  return values.length > MAX_VALUE_RANGE
    ? attribute(`${name};range=0-${MAX_VALUE_RANGE - 1}`, values.slice(0, MAX_VALUE_RANGE))
    : attribute(name, values);
}

function rangedAttribute(
  dit: Dit,
  stored: StoredEntry,
  base: string,
  low: number,
  high: string,
): Buffer | undefined {
  const values: AttributeValue[] = dit.values(stored, base.toLowerCase());
  if (values.length === 0 || low >= values.length) return undefined;
  const asked = high === '*' ? values.length - 1 : Number(high);
  const last = Math.min(asked, low + MAX_VALUE_RANGE - 1, values.length - 1);
  const label = last === values.length - 1 ? '*' : String(last);
  return attribute(
    `${spelling(stored, base.toLowerCase())};range=${low}-${label}`,
    values.slice(low, last + 1),
  );
}

function spelling(stored: StoredEntry, key: string): string {
  return stored.entry.names().find((n) => n.toLowerCase() === key) ?? key;
}
