import type { Dit, StoredEntry } from './dit';
import { valueKey } from './dn-keys';
import type { Filter } from './filter';
import type { ValueIndex } from './indexes';
import { InitialsIndex, mergeSorted } from './initials-index';

/** Candidates from the indexes: a superset of the matches (the caller evaluates the whole filter). */
export interface Candidates {
  size: number;
  items: Iterable<StoredEntry>;
}

/**
 * Picks the candidates a filter can match from the indexes; undefined means a full scan. A union comes
 * back in tree order (entry ids), so that a size-limited answer is the same on every run.
 */
export function candidates(dit: Dit, filter: Filter): Candidates | undefined {
  switch (filter.kind) {
    case 'equal': {
      if (filter.attribute === 'distinguishedname') {
        const found = dit.get(filter.value);
        return { size: found ? 1 : 0, items: found ? [found] : [] };
      }
      const index = dit.indexes.get(filter.attribute);
      if (!index) return undefined;
      const items = index.bucket(valueKey(filter.attribute, filter.raw ?? filter.value));
      return { size: items.size ?? items.length ?? 0, items };
    }
    case 'present': {
      const index = dit.indexes.get(filter.attribute);
      return index ? { size: index.present.size, items: index.present } : undefined;
    }
    case 'substring': {
      const index = dit.indexes.get(filter.attribute);
      if (!index?.prefix || !filter.initial) return undefined;
      return index.startingWith(filter.initial.toLowerCase());
    }
    case 'and': {
      let best: Candidates | undefined;
      for (const f of filter.filters) {
        const c = candidates(dit, f);
        if (c && (!best || c.size < best.size)) best = c;
      }
      return best;
    }
    case 'or':
      return union(dit, filter.filters);
    case 'const':
      return filter.value ? undefined : { size: 0, items: [] };
    default:
      return undefined;
  }
}

/**
 * The union as a bitmap over entry ids, read back lazily in id order: a size-limited search stops after
 * the first matches instead of sorting every candidate. The bitmap is the tree's shared one when free
 * (cleared as it is read), so a union allocates nothing.
 */
function union(dit: Dit, filters: Filter[]): Candidates | undefined {
  const prefixes: Array<{ index: ValueIndex<StoredEntry>; prefix: string }> = [];
  const parts: Candidates[] = [];
  for (const f of filters) {
    const index = f.kind === 'substring' && f.initial ? dit.indexes.get(f.attribute) : undefined;
    if (f.kind === 'substring' && f.initial && index?.prefix) {
      prefixes.push({ index, prefix: f.initial.toLowerCase() });
      continue;
    }
    const c = candidates(dit, f);
    if (!c) return undefined;
    parts.push(c);
  }
  if (parts.length === 1 && prefixes.length === 0) return parts[0];
  if (parts.length === 0 && prefixes.every((p) => InitialsIndex.answers(p.prefix)))
    return mergedInitials(dit, prefixes);
  const marks = dit.acquireMarks();
  let size = 0;
  let low = marks.length;
  const mark = (e: StoredEntry) => {
    if (marks[e.id] !== 0) return;
    marks[e.id] = 1;
    size++;
    if (e.id < low) low = e.id;
  };
  for (const { index, prefix } of prefixes) index.forEachStartingWith(prefix, mark);
  for (const part of parts) for (const e of part.items) mark(e);
  return { size, items: inIdOrder(dit, marks, low) };
}

/**
 * A union of short prefixes (2 to 4 characters) from the sorted id lists of the initials indexes, merged
 * in tree order: a size-limited search reads only as far as its limit.
 */
function mergedInitials(
  dit: Dit,
  prefixes: Array<{ index: ValueIndex<StoredEntry>; prefix: string }>,
): Candidates {
  const lists = prefixes.map(({ index, prefix }) => index.initials!.ids(prefix));
  let size = 0;
  for (const list of lists) size += list.length; // an upper bound: an entry may be in several lists
  function* items(): Generator<StoredEntry> {
    for (const id of mergeSorted(lists)) {
      const e = dit.byId[id];
      if (e) yield e;
    }
  }
  return { size, items: items() };
}

function* inIdOrder(dit: Dit, marks: Uint8Array, from: number): Generator<StoredEntry> {
  let id = from;
  try {
    for (; id < marks.length; id++) {
      if (marks[id] === 0) continue;
      marks[id] = 0;
      const e = dit.byId[id];
      if (e) yield e;
    }
  } finally {
    marks.fill(0, id);
    dit.releaseMarks(marks);
  }
}
