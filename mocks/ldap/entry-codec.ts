import type { AttributeValue } from '../../src/tenant/entry';
import type { Dit, StoredEntry } from './dit';
import { encodeSearchEntry, type PartialAttribute, wrapMessage } from './entry-writer';

const RANGED = /^([^;]+);range=(\d+)-(\d+|\*)$/i;

/**
 * Encodes one search result entry with the attributes a client asked for, as AD returns them: all
 * stored attributes for `*` or none asked, none for `1.1`, memberOf computed from the groups' member
 * values, and multi-valued attributes past 1,500 values served in ranges (`member;range=0-1499`).
 */
export function encodeEntry(
  dit: Dit,
  stored: StoredEntry,
  messageId: number,
  requested: readonly string[],
): Buffer {
  const cached = cachedOp(stored, requested);
  return cached ? wrapMessage(messageId, cached) : encodeFresh(dit, stored, messageId, requested).message;
}

/** The entry's `[APPLICATION 4]` part alone (searchAnswer puts the message around it). */
export function encodeEntryOp(dit: Dit, stored: StoredEntry, requested: readonly string[]): Buffer {
  return cachedOp(stored, requested) ?? encodeFresh(dit, stored, 0, requested).op;
}

function cachedOp(stored: StoredEntry, requested: readonly string[]): Buffer | undefined {
  if (isCacheable(requested) && stored.cache && sameList(stored.cache.attributes, requested))
    return stored.cache.op;
  return undefined;
}

function encodeFresh(dit: Dit, stored: StoredEntry, messageId: number, requested: readonly string[]) {
  const attributes: PartialAttribute[] = [];
  for (const name of selection(stored, requested)) {
    const attribute = partialAttribute(dit, stored, name);
    if (attribute) attributes.push(attribute);
  }
  const encoded = encodeSearchEntry(messageId, stored.dn, attributes);
  // The entry keeps its answer to the last attribute list asked: a repeated look-up costs one copy.
  if (isCacheable(requested)) stored.cache = { attributes: requested, op: encoded.op };
  return encoded;
}

/** Attributes whose values depend on other objects (memberOf), on the request (ranges), or all of them. */
const DYNAMIC = /^memberof$|;range=|^\*$/i;
let lastList: readonly string[] | undefined;
let lastCacheable = false;

/** Whether answers to this attribute list can be cached (worked out once per search request). */
function isCacheable(requested: readonly string[]): boolean {
  if (requested !== lastList) {
    lastList = requested;
    lastCacheable = requested.length > 0 && !requested.some((n) => DYNAMIC.test(n));
  }
  return lastCacheable;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function selection(stored: StoredEntry, requested: readonly string[]): readonly string[] {
  if (requested.length === 0 || (requested.length === 1 && requested[0] === '*')) return allOf(stored);
  if (requested.length === 1 && requested[0] === '1.1') return [];
  const names = requested.includes('*') ? [...allOf(stored)] : [];
  const seen = new Set(names.map((n) => n.toLowerCase()));
  for (const name of requested) {
    const key = name.toLowerCase();
    if (name === '*' || name === '1.1' || name === '+' || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

function allOf(stored: StoredEntry): string[] {
  return [...stored.entry.names(), 'memberOf'];
}

function partialAttribute(dit: Dit, stored: StoredEntry, requested: string): PartialAttribute | undefined {
  const ranged = requested.includes(';') ? RANGED.exec(requested) : null;
  if (ranged) return rangedAttribute(dit, stored, ranged[1], Number(ranged[2]), ranged[3]);
  const key = requested.toLowerCase();
  if (key === 'memberof') {
    const groups = dit.memberOf(stored);
    return groups.length ? { name: 'memberOf', values: groups.map((g) => g.dn) } : undefined;
  }
  const values = stored.entry.get(key);
  if (values.length === 0) return undefined;
  const name = spelling(stored, key);
  const max = dit.maxValRange;
  return values.length > max
    ? { name: `${name};range=0-${max - 1}`, values: values.slice(0, max) }
    : { name, values };
}

function rangedAttribute(
  dit: Dit,
  stored: StoredEntry,
  base: string,
  low: number,
  high: string,
): PartialAttribute | undefined {
  const values: AttributeValue[] = dit.values(stored, base.toLowerCase());
  if (values.length === 0 || low >= values.length) return undefined;
  const asked = high === '*' ? values.length - 1 : Number(high);
  const last = Math.min(asked, low + dit.maxValRange - 1, values.length - 1);
  const label = last === values.length - 1 ? '*' : String(last);
  return {
    name: `${spelling(stored, base.toLowerCase())};range=${low}-${label}`,
    values: values.slice(low, last + 1),
  };
}

function spelling(stored: StoredEntry, key: string): string {
  return stored.entry.names().find((n) => n.toLowerCase() === key) ?? key;
}
