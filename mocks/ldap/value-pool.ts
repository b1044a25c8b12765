import type { AttributeValue } from '../../src/tenant/entry';

/** Values of one attribute seen before deciding whether keeping one copy of each pays. */
const SAMPLE = 2048;

/** Below this share of distinct values an attribute's values are kept once each. */
const REPEATING = 0.5;

/** V8 copies substrings shorter than this; longer ones are views that keep the whole text they came from. */
const SLICE_MIN = 13;

interface AttributeValues {
  seen: number;
  /** One string per distinct value, while the attribute's values repeat enough for it to pay. */
  known?: Map<string, string>;
  /** One frozen array per distinct list of values (objectClass's four), while there are few of them. */
  lists?: Map<string, readonly AttributeValue[]>;
}

/** Distinct value lists of one attribute held once each, up to this many. */
const LISTS = 1024;

/**
 * How the mock DC keeps attribute values: each value a string of its own, never a view into the LDIF
 * text or request it was read from (which would keep that whole text alive), and the values of
 * attributes that repeat across objects (objectClass, objectCategory, whenCreated, company, office)
 * held once. Which attributes repeat is learnt from the first values of each.
 */
export class ValuePool {
  private readonly byAttribute = new Map<string, AttributeValues>();

  /** Whether the values of `attribute` are (still) kept once each. */
  sharing(attribute: string): boolean {
    return this.byAttribute.get(attribute)?.known !== undefined;
  }

  /** The value to store for `attribute` (lower-case name). */
  value(attribute: string, value: AttributeValue): AttributeValue {
    return typeof value === 'string' ? this.text(attribute, value) : value;
  }

  /**
   * The array to store for several values of `attribute`, already pooled: for an attribute whose
   * values repeat, one frozen array per distinct list (every user's objectClass is the same four).
   */
  list(attribute: string, values: AttributeValue[]): AttributeValue[] {
    const seen = this.byAttribute.get(attribute);
    if (!seen?.known || values.some((v) => typeof v !== 'string')) return values;
    seen.lists ??= new Map();
    const key = JSON.stringify(values);
    const known = seen.lists.get(key);
    if (known) return known as AttributeValue[];
    if (seen.lists.size < LISTS) seen.lists.set(key, Object.freeze(values));
    return values;
  }

  text(attribute: string, value: string): string {
    let values = this.byAttribute.get(attribute);
    if (!values) {
      values = { seen: 0, known: new Map() };
      this.byAttribute.set(attribute, values);
    }
    const known = values.known;
    if (!known) return ownCopy(value);
    if (++values.seen === SAMPLE && known.size > SAMPLE * REPEATING) values.known = undefined;
    let kept = known.get(value);
    if (kept === undefined) {
      kept = ownCopy(value);
      known.set(kept, kept);
    }
    return kept;
  }
}

/**
 * A string that holds its own characters (a view into a larger string is copied out). JSON keeps every
 * code unit (a lone surrogate too) and, unlike a Buffer round trip, allocates nothing outside the heap.
 */
export function ownCopy(value: string): string {
  return value.length < SLICE_MIN ? value : JSON.parse(JSON.stringify(value));
}
