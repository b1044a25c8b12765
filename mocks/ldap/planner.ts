import { type Dit, keyOf, type StoredEntry } from './dit';
import type { Filter } from './filter';

/**
 * Picks the candidates a filter can match from the indexes: undefined means the filter needs a full
 * scan. Candidates are a superset; the caller still evaluates the whole filter on each.
 */
export function candidates(dit: Dit, filter: Filter): StoredEntry[] | undefined {
  switch (filter.kind) {
    case 'equal': {
      const index = dit.indexes.get(filter.attribute);
      if (!index) return undefined;
      return index.equal(keyOf(filter.attribute, filter.raw ?? filter.value));
    }
    case 'present': {
      const index = dit.indexes.get(filter.attribute);
      if (index) return [...index.present];
      return filter.attribute === 'objectclass' ? undefined : undefined;
    }
    case 'substring': {
      const index = dit.indexes.get(filter.attribute);
      if (!index?.prefix || !filter.initial) return undefined;
      return index.startingWith(filter.initial.toLowerCase());
    }
    case 'and':
      return smallest(filter.filters.map((f) => candidates(dit, f)));
    case 'or':
      return union(filter.filters.map((f) => candidates(dit, f)));
    case 'const':
      return filter.value ? undefined : [];
    default:
      return undefined;
  }
}

function smallest(sets: Array<StoredEntry[] | undefined>): StoredEntry[] | undefined {
  let best: StoredEntry[] | undefined;
  for (const set of sets) if (set && (!best || set.length < best.length)) best = set;
  return best;
}

/** The union in tree order (entry ids), so that a size-limited answer is the same on every run. */
function union(sets: Array<StoredEntry[] | undefined>): StoredEntry[] | undefined {
  if (sets.some((s) => s === undefined)) return undefined;
  const all = sets as StoredEntry[][];
  if (all.length === 1) return all[0];
  const seen = new Set<StoredEntry>();
  for (const set of all) for (const e of set) seen.add(e);
  return [...seen].sort((a, b) => a.id - b.id);
}
