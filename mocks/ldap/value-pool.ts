import type { AttributeValue } from '../../src/tenant/entry';

/** Values of one attribute seen before deciding whether keeping one copy of each pays. */
const SAMPLE = 2048;

/** Below this share of distinct values an attribute's values are kept once each. */
const REPEATING = 0.5;

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
 * How the mock DC keeps attribute values: the values of attributes that repeat across objects
 * (objectClass, objectCategory, whenCreated, company, office) held once. Which attributes repeat is
 * learnt from the first values of each.
 */
export class ValuePool {
  private readonly byAttribute = new Map<string, AttributeValues>();

  /** Whether the values of `attribute` are (still) kept once each. */
  sharing(attribute: string): boolean {
    return this.byAttribute.get(attribute)?.known !== undefined;
  }

  /**
   * The value to store for `attribute` (lower-case name). Values come in as texts of their own, never
   * views into a larger text (the LDIF reader's are `ownText`, BER-decoded ones are cut from bytes).
   */
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
    if (!known) return value;
    if (++values.seen === SAMPLE && known.size > SAMPLE * REPEATING) values.known = undefined;
    let kept = known.get(value);
    if (kept === undefined) {
      kept = value;
      known.set(kept, kept);
    }
    return kept;
  }
}
