import {
  AndFilter,
  EqualityFilter,
  ExtensibleFilter,
  type Filter,
  FilterParser,
  GreaterThanEqualsFilter,
  LessThanEqualsFilter,
  NotFilter,
  OrFilter,
  PresenceFilter,
  SubstringFilter,
} from 'ldapts';
import { namingContextOf } from '../tenant/dn';
import type { DirectoryEntry } from '../tenant/entry';

const BIT_AND = '1.2.840.113556.1.4.803';
const BIT_OR = '1.2.840.113556.1.4.804';

/**
 * Whether an LDAP filter selects an object, as Active Directory evaluates it: names and values compare
 * without case, `objectCategory=person` matches the category's short name, and a missing
 * objectCategory is the one AD stamps on the object's class. Filters the model cannot evaluate
 * (LDAP_MATCHING_RULE_IN_CHAIN, ANR) throw: the model never guesses.
 */
export function filterSelects(filter: string, entry: DirectoryEntry): boolean {
  return evaluate(FilterParser.parseString(filter), entry);
}

function evaluate(filter: Filter, entry: DirectoryEntry): boolean {
  if (filter instanceof AndFilter) return filter.filters.every((f) => evaluate(f, entry));
  if (filter instanceof OrFilter) return filter.filters.some((f) => evaluate(f, entry));
  if (filter instanceof NotFilter) return !evaluate(filter.filter, entry);
  if (filter instanceof PresenceFilter) return valuesOf(entry, filter.attribute).length > 0;
  if (filter instanceof EqualityFilter) {
    const wanted = String(filter.value).toLowerCase();
    return valuesOf(entry, filter.attribute).some((v) => v === wanted);
  }
  if (filter instanceof SubstringFilter) {
    const pattern = new RegExp(
      `^${[filter.initial ?? '', ...filter.any, filter.final ?? ''].map(escapeRegExp).join('.*')}$`,
      'is',
    );
    return valuesOf(entry, filter.attribute).some((v) => pattern.test(v));
  }
  if (filter instanceof GreaterThanEqualsFilter)
    return valuesOf(entry, filter.attribute).some((v) => compare(v, filter.value) >= 0);
  if (filter instanceof LessThanEqualsFilter)
    return valuesOf(entry, filter.attribute).some((v) => compare(v, filter.value) <= 0);
  if (filter instanceof ExtensibleFilter && (filter.rule === BIT_AND || filter.rule === BIT_OR)) {
    const mask = BigInt(filter.value);
    return valuesOf(entry, filter.matchType).some((v) => {
      const bits = BigInt.asUintN(32, BigInt(v)) & mask;
      return filter.rule === BIT_AND ? bits === mask : bits !== 0n;
    });
  }
  throw new Error(`[model] cannot evaluate the filter ${filter.toString()} as AD does`);
}

/** Lower-cased values; objectCategory by its short name (CN=Person,CN=Schema,... is `person`). */
function valuesOf(entry: DirectoryEntry, attribute: string): string[] {
  if (attribute.toLowerCase() !== 'objectcategory') return entry.texts(attribute).map((v) => v.toLowerCase());
  const category = entry.first('objectCategory') ?? defaultCategory(entry);
  if (!category) return [];
  const short = /^cn=([^,]+)/i.exec(category)?.[1] ?? category;
  return [category.toLowerCase(), short.toLowerCase()];
}

/** The category AD gives an object of its most specific class, when the data does not say. */
function defaultCategory(entry: DirectoryEntry): string | undefined {
  const name = entry.isA('computer')
    ? 'Computer'
    : entry.isA('user') || entry.isA('contact')
      ? 'Person'
      : entry.isA('group')
        ? 'Group'
        : undefined;
  return name && `CN=${name},CN=Schema,CN=Configuration,${namingContextOf(entry.dn)}`;
}

function compare(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a.localeCompare(b.toLowerCase());
}

function escapeRegExp(text: string): string {
  return text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
