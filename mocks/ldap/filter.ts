/**
 * The mock DC's own search filter: a plain tree (decoded from the wire by decode-filter.ts) and its
 * evaluation with AD's semantics: attribute names and most values compare case-insensitively, integers
 * compare as numbers, the bit rules 803/804 and the in-chain rule 1941 work, and `anr` is expanded.
 */
import { DN_VALUED, keyOrUndefined } from './dn-keys';

export type Filter =
  | { kind: 'and'; filters: Filter[] }
  | { kind: 'or'; filters: Filter[] }
  | { kind: 'not'; filter: Filter }
  | { kind: 'present'; attribute: string }
  | { kind: 'equal'; attribute: string; value: string; raw?: Buffer }
  | { kind: 'substring'; attribute: string; initial?: string; any: string[]; final?: string }
  | { kind: 'ge' | 'le'; attribute: string; value: string }
  | { kind: 'approx'; attribute: string; value: string }
  | { kind: 'extensible'; attribute?: string; rule?: string; value: string }
  | { kind: 'const'; value: boolean };

export const RULE_BIT_AND = '1.2.840.113556.1.4.803';
export const RULE_BIT_OR = '1.2.840.113556.1.4.804';
export const RULE_IN_CHAIN = '1.2.840.113556.1.4.1941';

/** What evaluation needs from the directory: an entry's values (computed ones too) and DN look-ups. */
export interface FilterContext<E> {
  values(entry: E, attribute: string): Array<string | Uint8Array>;
  /** The entries a DN-valued link attribute points to (member, memberOf, manager...). */
  linked(entry: E, attribute: string): E[];
  /** The entry's DN key (src/tenant/dn.ts dnKey). */
  keyOf(entry: E): string;
}

export function matches<E>(filter: Filter, entry: E, ctx: FilterContext<E>): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.filters.every((f) => matches(f, entry, ctx));
    case 'or':
      return filter.filters.some((f) => matches(f, entry, ctx));
    case 'not':
      return !matches(filter.filter, entry, ctx);
    case 'const':
      return filter.value;
    case 'present':
      return ctx.values(entry, filter.attribute).length > 0;
    case 'equal':
    case 'approx':
      if (DN_VALUED.has(filter.attribute)) return equalDn(ctx.values(entry, filter.attribute), filter);
      return ctx.values(entry, filter.attribute).some((v) => equalValue(v, filter));
    case 'substring':
      return ctx.values(entry, filter.attribute).some((v) => substringMatch(text(v), filter));
    case 'ge':
    case 'le':
      return ctx.values(entry, filter.attribute).some((v) => ordered(text(v), filter.value, filter.kind));
    case 'extensible':
      return extensible(filter, entry, ctx);
  }
}

function text(value: string | Uint8Array): string {
  return typeof value === 'string' ? value : Buffer.from(value).toString('latin1');
}

function equalValue(value: string | Uint8Array, filter: { value: string; raw?: Buffer }): boolean {
  if (typeof value !== 'string') return filter.raw ? Buffer.from(value).equals(filter.raw) : false;
  return value.length === filter.value.length && value.toLowerCase() === filter.value.toLowerCase();
}

/** DN-valued attributes compare as DNs: `CN=Ren\\c3\\a9e` equals `cn=renée`. */
function equalDn(values: Array<string | Uint8Array>, filter: { value: string; raw?: Buffer }): boolean {
  const wanted = keyOrUndefined(filter.value);
  if (wanted === undefined) return values.some((v) => equalValue(v, filter));
  return values.some((v) => typeof v === 'string' && keyOrUndefined(v) === wanted);
}

function substringMatch(value: string, f: { initial?: string; any: string[]; final?: string }): boolean {
  const v = value.toLowerCase();
  let at = 0;
  if (f.initial) {
    if (!v.startsWith(f.initial.toLowerCase())) return false;
    at = f.initial.length;
  }
  for (const part of f.any) {
    const found = v.indexOf(part.toLowerCase(), at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return !f.final || (v.length - f.final.length >= at && v.endsWith(f.final.toLowerCase()));
}

function ordered(value: string, bound: string, kind: 'ge' | 'le'): boolean {
  const numeric = /^-?\d+$/.test(value) && /^-?\d+$/.test(bound);
  const cmp = numeric
    ? Math.sign(Number(value) - Number(bound))
    : value.toLowerCase().localeCompare(bound.toLowerCase());
  return kind === 'ge' ? cmp >= 0 : cmp <= 0;
}

function extensible<E>(
  f: { attribute?: string; rule?: string; value: string },
  entry: E,
  ctx: FilterContext<E>,
): boolean {
  if (!f.attribute) return false;
  if (f.rule === RULE_BIT_AND || f.rule === RULE_BIT_OR) {
    if (!/^-?\d+$/.test(f.value)) return false;
    const mask = Number(f.value) >>> 0;
    return ctx.values(entry, f.attribute).some((v) => {
      const n = Number(text(v)) >>> 0;
      return f.rule === RULE_BIT_AND ? (n & mask) >>> 0 === mask : (n & mask) !== 0;
    });
  }
  if (f.rule === RULE_IN_CHAIN) {
    const target = keyOrUndefined(f.value);
    return target !== undefined && inChain(entry, f.attribute, target, ctx);
  }
  if (f.rule === undefined) return equalsAny(ctx.values(entry, f.attribute), f.value);
  return false;
}

function equalsAny(values: Array<string | Uint8Array>, value: string): boolean {
  return values.some((v) => equalValue(v, { value }));
}

/** LDAP_MATCHING_RULE_IN_CHAIN: follows the link attribute transitively, cycles included, to the target's key. */
function inChain<E>(entry: E, attribute: string, targetKey: string, ctx: FilterContext<E>): boolean {
  const seen = new Set<E>([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const next of ctx.linked(queue.shift()!, attribute)) {
      if (seen.has(next)) continue;
      if (ctx.keyOf(next) === targetKey) return true;
      seen.add(next);
      queue.push(next);
    }
  }
  return false;
}
