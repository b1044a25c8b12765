import { type AttributeShape, shapeOf, shapeWith } from '../../src/tenant/attribute-shape';
import { type AttributeValue, DirectoryEntry } from '../../src/tenant/entry';
import type { ValuePool } from './value-pool';

type Slot = AttributeValue | AttributeValue[];

/**
 * How the mock DC keeps an object in memory: at 100,000 objects a Map per entry costs too much, so
 * entries with the same attribute names share one "shape" (names, lower-cased names, positions) and
 * hold only their values (the harness's shapes: src/tenant/attribute-shape.ts), a single value without
 * an array around it.
 */
export class CompactEntry {
  private shape: AttributeShape;
  private values: Slot[];

  constructor(
    readonly dn: string,
    names: readonly string[],
    values: Slot[],
  ) {
    this.shape = shapeOf(names);
    this.values = values;
  }

  /**
   * The entry as the DC keeps it, its values stored through `pool` (the LDIF reader gives texts of their own,
   * never views into the text they were read from), and equal texts within the entry held once (the DN and distinguishedName; cn, name and
   * often displayName).
   */
  static from(entry: DirectoryEntry | CompactEntry, pool: ValuePool): CompactEntry {
    if (entry instanceof CompactEntry) return entry;
    const dn = entry.dn;
    const kept: string[] = [dn];
    const keep = (attribute: string, value: AttributeValue): AttributeValue => {
      if (typeof value !== 'string') return value;
      for (const text of kept) if (text === value) return text;
      const own = pool.text(attribute, value);
      kept.push(own);
      return own;
    };
    const names = entry.names();
    return new CompactEntry(
      dn,
      names,
      names.map((n) => {
        const attribute = n.toLowerCase();
        const v = entry.get(n);
        return v.length === 1
          ? keep(attribute, v[0])
          : pool.list(
              attribute,
              v.map((x) => keep(attribute, x)),
            );
      }),
    );
  }

  get(name: string): AttributeValue[] {
    const at = this.shape.positions.get(name.toLowerCase());
    if (at === undefined) return [];
    const slot = this.values[at];
    return Array.isArray(slot) ? slot : [slot];
  }

  first(name: string): string | undefined {
    const v = this.get(name)[0];
    return v === undefined ? undefined : typeof v === 'string' ? v : Buffer.from(v).toString('utf8');
  }

  texts(name: string): string[] {
    return this.get(name).map((v) => (typeof v === 'string' ? v : Buffer.from(v).toString('utf8')));
  }

  has(name: string): boolean {
    return this.shape.positions.has(name.toLowerCase());
  }

  names(): readonly string[] {
    return this.shape.names;
  }

  isA(objectClass: string): boolean {
    const wanted = objectClass.toLowerCase();
    return this.texts('objectClass').some((c) => c.toLowerCase() === wanted);
  }

  /** Sets (or with no values removes) an attribute; the shape is replaced, never changed in place. */
  set(name: string, values: AttributeValue[]): void {
    const at = this.shape.positions.get(name.toLowerCase());
    const slots = [...this.values];
    if (at === undefined) {
      if (values.length === 0) return;
      slots.push(values.length === 1 ? values[0] : [...values]);
      this.shape = shapeWith(this.shape, name);
    } else if (values.length === 0) {
      slots.splice(at, 1);
      this.shape = shapeOf(this.shape.names.filter((_, i) => i !== at));
    } else slots[at] = values.length === 1 ? values[0] : [...values];
    this.values = slots;
  }

  /** A full DirectoryEntry copy (for write operations, which check the result before storing it). */
  clone(dn = this.dn): DirectoryEntry {
    const copy = new DirectoryEntry(dn);
    for (const name of this.shape.names) copy.set(name, [...this.get(name)]);
    return copy;
  }
}
