import { expandAnr } from './anr';
import type { Filter } from './filter';

/** defaultObjectCategory of the classes AD lets a filter name by ldapDisplayName. */
const CATEGORY: Record<string, string> = {
  person: 'Person',
  user: 'Person',
  contact: 'Person',
  organizationalperson: 'Person',
  group: 'Group',
  computer: 'Computer',
  organizationalunit: 'Organizational-Unit',
  domain: 'Domain-DNS',
  domaindns: 'Domain-DNS',
  container: 'Container',
};

/**
 * Prepares a filter as AD does before evaluating it: lower-cased attribute names, `anr` expanded, and
 * `objectCategory=group` short forms turned into the category's DN in the forest's schema.
 */
export function compileFilter(filter: Filter, forestDn: string): Filter {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return { kind: filter.kind, filters: filter.filters.map((f) => compileFilter(f, forestDn)) };
    case 'not':
      return { kind: 'not', filter: compileFilter(filter.filter, forestDn) };
    case 'const':
      return filter;
    case 'extensible':
      return { ...filter, attribute: filter.attribute?.toLowerCase() };
    case 'substring': {
      const attribute = filter.attribute.toLowerCase();
      if (attribute === 'anr')
        return filter.any.length || filter.final
          ? { kind: 'const', value: false }
          : expandAnr(filter.initial ?? '');
      return { ...filter, attribute };
    }
    case 'equal':
    case 'approx': {
      const attribute = filter.attribute.toLowerCase();
      if (attribute === 'anr') return expandAnr(filter.value);
      if (attribute === 'objectcategory' && !filter.value.includes('=')) {
        const name = CATEGORY[filter.value.toLowerCase()] ?? filter.value;
        return { kind: 'equal', attribute, value: `CN=${name},CN=Schema,CN=Configuration,${forestDn}` };
      }
      return { ...filter, attribute };
    }
    default:
      return { ...filter, attribute: filter.attribute.toLowerCase() };
  }
}
