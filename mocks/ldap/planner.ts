import { type Dit, keyOf, type StoredEntry } from './dit';
import type { Filter } from './filter';

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
      const items = index.bucket(keyOf(filter.attribute, filter.raw ?? filter.value));
      return { size: items.size ?? items.length ?? 0, items };
    }
    case 'present': {
      const index = dit.indexes.get(filter.attribute);
      return index ? { size: index.present.size, items: index.present } : undefined;
    }
    case 'substring': {
      const index = dit.indexes.get(filter.attribute);
      if (!index?.prefix || !filter.initial) return undefined;
      const items = index.startingWith(filter.initial.toLowerCase());
      return { size: items.length, items };
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

function union(dit: Dit, filters: Filter[]): Candidates | undefined {
  const ids: number[] = [];
  for (const f of filters) {
    const c = candidates(dit, f);
    if (!c) return undefined;
    for (const e of c.items) ids.push(e.id);
  }
  const sorted = Float64Array.from(ids).sort();
  const items: StoredEntry[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) continue;
    const e = dit.byId[sorted[i]];
    if (e) items.push(e);
  }
  return { size: items.length, items };
}
