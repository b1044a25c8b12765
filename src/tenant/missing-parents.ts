import { ancestorsOf, dnKey, namingContextOf, parentKey, parseDn, rdnOf } from './dn';
import { DirectoryEntry } from './entry';

/**
 * The objects an export leaves out but a domain controller holds: the naming-context head
 * (`DC=abc,DC=corp`) and every container between it and the exported objects. An export of one OU
 * (`ldifde -d "OU=Staff,DC=..."`, `ldapsearch -b OU=...`) has neither. They are made as AD would have
 * them: the head a `domainDNS`, `OU=` an organizationalUnit, anything else a container.
 */
export function missingParents(dns: Iterable<string>): DirectoryEntry[] {
  const present = new Set<string>();
  const all: Array<{ dn: string; key: string }> = [];
  for (const dn of dns) {
    const key = dnKey(dn);
    present.add(key);
    all.push({ dn, key });
  }
  const added: DirectoryEntry[] = [];
  for (const { dn, key } of all) {
    if (present.has(parentKey(key))) continue;
    const head = namingContextOf(dn);
    if (!head) continue;
    const depth = parseDn(head).length;
    for (const ancestor of ancestorsOf(dn)) {
      if (parseDn(ancestor).length < depth) break;
      const ancestorKey = dnKey(ancestor);
      if (present.has(ancestorKey)) break;
      present.add(ancestorKey);
      added.push(standIn(ancestor, parseDn(ancestor).length === depth));
    }
  }
  // Parents before children, as an LDIF import needs them.
  return added.sort((a, b) => parseDn(a.dn).length - parseDn(b.dn).length);
}

function standIn(dn: string, isHead: boolean): DirectoryEntry {
  const { type, value } = rdnOf(dn);
  const kind = type.toLowerCase();
  if (isHead) return new DirectoryEntry(dn, { objectClass: ['top', 'domain', 'domainDNS'], dc: value });
  if (kind === 'ou') return new DirectoryEntry(dn, { objectClass: ['top', 'organizationalUnit'], ou: value });
  return new DirectoryEntry(dn, { objectClass: ['top', 'container'], [kind === 'cn' ? 'cn' : type]: value });
}
