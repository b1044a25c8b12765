import type { Filter } from './filter';
import type { LdapRequest } from './ldap-request';

/** What the journal keeps of a request: enough to read it back, never a password. */
export function summarize(req: LdapRequest): Record<string, unknown> {
  switch (req.op) {
    case 'bind':
      return { name: req.name };
    case 'search':
      return {
        base: req.base,
        scope: req.scope,
        filter: filterText(req.filter),
        attributes: req.attributes.length,
      };
    case 'modifyDn':
      return { dn: req.dn, newRdn: req.newRdn };
    case 'modify':
      return { dn: req.dn, attributes: req.changes.map((c) => `${c.operation}:${c.name}`) };
    case 'add':
    case 'delete':
    case 'compare':
      return { dn: req.dn };
    default:
      return {};
  }
}

export function filterText(f: Filter): string {
  switch (f.kind) {
    case 'and':
      return `(&${f.filters.map(filterText).join('')})`;
    case 'or':
      return `(|${f.filters.map(filterText).join('')})`;
    case 'not':
      return `(!${filterText(f.filter)})`;
    case 'present':
      return `(${f.attribute}=*)`;
    case 'equal':
      return `(${f.attribute}=${f.value})`;
    case 'approx':
      return `(${f.attribute}~=${f.value})`;
    case 'ge':
      return `(${f.attribute}>=${f.value})`;
    case 'le':
      return `(${f.attribute}<=${f.value})`;
    case 'substring':
      return `(${f.attribute}=${f.initial ?? ''}*${f.any.map((a) => `${a}*`).join('')}${f.final ?? ''})`;
    case 'extensible':
      return `(${f.attribute ?? ''}:${f.rule ?? ''}:=${f.value})`;
    case 'const':
      return f.value ? '(&)' : '(|)';
  }
}
