import { DirectoryEntry } from '../../src/tenant/entry';

/** AD's MaxValRange: a search returns at most this many values of one attribute. */
export const MAX_VALUE_RANGE = 1500;

/**
 * The records ldapsearch gets from AD for these objects when a group has more than 1,500 members: the
 * group with `member;range=0-1499` in its place, and at the end of the file a second record for the same
 * DN, read with `member;range=1500-*`, holding the rest.
 */
export function rangedRecords(entries: DirectoryEntry[]): DirectoryEntry[] {
  const later: DirectoryEntry[] = [];
  const records = entries.map((entry) => {
    const members = entry.get('member');
    if (members.length <= MAX_VALUE_RANGE) return entry;
    const first = new DirectoryEntry(entry.dn);
    for (const name of entry.names()) {
      if (name.toLowerCase() !== 'member') first.set(name, entry.get(name));
      else first.set(`${name};range=0-${MAX_VALUE_RANGE - 1}`, members.slice(0, MAX_VALUE_RANGE));
    }
    later.push(
      new DirectoryEntry(entry.dn, { [`member;range=${MAX_VALUE_RANGE}-*`]: members.slice(MAX_VALUE_RANGE) }),
    );
    return first;
  });
  return [...records, ...later];
}
