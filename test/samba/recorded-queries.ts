import { readFileSync } from 'node:fs';
import { dnKey } from '../../src/tenant/dn';
import type { Forest } from '../../src/tenant/tenant';
import type { LdapQuery } from './ldap-answer';

const JOURNAL = 'application/vnd.lync-harness.journal+json';
const SCOPES: Record<string, LdapQuery['scope']> = { base: 'base', one: 'one', sub: 'sub', single: 'one' };

interface JournalEntry {
  operation: string;
  request?: { base?: string; scope?: string; filter?: string };
}

/**
 * The searches the suite and its client simulators sent the mock DCs in a run, read back from the
 * journals its messages.ndjson holds (base, scope, filter; the journal keeps how many attributes were
 * asked for, not which, so every attribute is read), each once, as the forest's Administrator. A
 * search whose base is in no forest given is left out.
 */
export function recordedQueries(messagesFile: string, forests: Forest[]): LdapQuery[] {
  const seen = new Set<string>();
  const out: LdapQuery[] = [];
  for (const line of readFileSync(messagesFile, 'utf8').split('\n')) {
    if (!line.includes(JOURNAL)) continue;
    const attachment = (JSON.parse(line) as { attachment?: { mediaType: string; body: string } }).attachment;
    if (attachment?.mediaType !== JOURNAL) continue;
    for (const e of (JSON.parse(attachment.body) as { entries: JournalEntry[] }).entries) {
      if (e.operation !== 'ldap.search' || e.request?.base === undefined) continue;
      const { base, scope = 'sub', filter = '(objectClass=*)' } = e.request;
      const forest = forestOf(base, forests);
      const key = JSON.stringify([base, scope, filter]);
      if (!forest || seen.has(key)) continue;
      seen.add(key);
      out.push({
        name: `recorded search: ${scope} ${base} ${filter}`,
        bind: { name: `${forest.netbios}\\Administrator`, password: 'Passw0rd!' },
        base,
        scope: SCOPES[scope] ?? 'sub',
        filter,
      });
    }
  }
  return out;
}

export function forestOf(dn: string, forests: Forest[]): Forest | undefined {
  let key: string;
  try {
    key = dnKey(dn);
  } catch {
    return undefined;
  }
  return forests.find((f) => key === dnKey(f.baseDn) || key.endsWith(`,${dnKey(f.baseDn)}`));
}
