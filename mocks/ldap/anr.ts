import type { Filter } from './filter';

/**
 * The default ANR attribute set of a Windows Server 2008+ forest with the Exchange schema (MS-ADTS
 * 3.1.1.3.1.3.4): every term is an initial-substring match; legacyExchangeDN only matches exactly.
 */
export const ANR_ATTRIBUTES = [
  'displayname',
  'givenname',
  'sn',
  'samaccountname',
  'name',
  'physicaldeliveryofficename',
  'proxyaddresses',
  'mailnickname',
  'msds-additionalsamaccountname',
];

/** Rewrites `(anr=V)` into the OR AD evaluates: `=V` asks for equality; a space also tries first/last. */
export function expandAnr(value: string): Filter {
  let v = value.trim();
  if (v === '' || v === '*') return { kind: 'const', value: false };
  const exact = v.startsWith('=');
  if (exact) v = v.slice(1).trim();
  const term = (attribute: string, part: string): Filter =>
    exact
      ? { kind: 'equal', attribute, value: part }
      : { kind: 'substring', attribute, initial: part, any: [] };
  const filters: Filter[] = ANR_ATTRIBUTES.map((a) => term(a, v));
  filters.push({ kind: 'equal', attribute: 'legacyexchangedn', value: v });
  const space = v.indexOf(' ');
  if (space > 0) {
    const [first, last] = [v.slice(0, space), v.slice(space + 1).trim()];
    if (last) {
      filters.push({ kind: 'and', filters: [term('givenname', first), term('sn', last)] });
      filters.push({ kind: 'and', filters: [term('givenname', last), term('sn', first)] });
    }
  }
  return { kind: 'or', filters };
}
