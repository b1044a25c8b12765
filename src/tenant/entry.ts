import { type AttributeShape, shapeOf, shapeWith } from './attribute-shape';
import { packValues, unpackAll, unpackSlot } from './packed-values';

/** A directory value: text, or bytes for binary attributes (objectGUID, thumbnailPhoto, ...). */
export type AttributeValue = string | Uint8Array;

/** Attributes AD stores as octet strings; LDIF base64 values of these stay bytes. */
export const BINARY_ATTRIBUTES = new Set([
  'objectguid',
  'objectsid',
  'jpegphoto',
  'thumbnailphoto',
  'usercertificate',
  'cacertificate',
  'msexchmailboxguid',
  'msexchmasteraccountsid',
  'msds-generationid',
  'ntsecuritydescriptor',
]);

const EMPTY: AttributeShape = shapeOf([]);

/** One attribute's values: a single value is held without an array around it. */
type Held = AttributeValue | AttributeValue[];

/**
 * One directory object. Attribute names are matched case-insensitively, as AD does, and keep the
 * spelling they were first written with. Values are held as given: the LDIF reader gives texts of their
 * own (`ownText`), and `pack` copies every value into one string.
 */
export class DirectoryEntry {
  readonly dn: string;
  private shape = EMPTY;
  /** One value or list per attribute of `shape`; undefined while the entry is packed. */
  private held: Held[] | undefined = [];
  /** Every value in one string (`pack`), until the next change opens the entry again. */
  private packed = '';

  constructor(dn: string, attributes: Record<string, AttributeValue | AttributeValue[]> = {}) {
    this.dn = dn;
    const names = Object.keys(attributes).filter((n) => {
      const v = attributes[n];
      return !Array.isArray(v) || v.length > 0;
    });
    if (new Set(names.map((n) => n.toLowerCase())).size === names.length) {
      this.shape = shapeOf(names);
      this.held = names.map((n) => {
        const v = attributes[n];
        return hold(Array.isArray(v) ? v.slice() : v);
      });
    } else for (const name of names) this.set(name, toList(attributes[name]));
  }

  get(name: string): AttributeValue[] {
    const at = this.shape.positions.get(name.toLowerCase());
    if (at === undefined) return [];
    return this.held ? toList(this.held[at]) : unpackSlot(this.packed, at);
  }

  /**
   * Holds every value in one string (packed-values.ts) until the next change: for objects held for a
   * whole run (the tenant), about 400 bytes less each. Reading a packed value costs a copy of it.
   */
  pack(): this {
    if (this.held) [this.packed, this.held] = [packValues(this.held), undefined];
    return this;
  }

  /** The first value as text, or undefined when the attribute is absent. */
  first(name: string): string | undefined {
    const value = this.get(name)[0];
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
  }

  /** Every value as text. */
  texts(name: string): string[] {
    return this.get(name).map((v) => (typeof v === 'string' ? v : Buffer.from(v).toString('utf8')));
  }

  has(name: string): boolean {
    return this.shape.positions.has(name.toLowerCase());
  }

  set(name: string, values: AttributeValue[]): this {
    return this.put(name, values.slice());
  }

  add(name: string, value: AttributeValue): this {
    return this.put(this.nameOf(name) ?? name, this.get(name).concat([value]));
  }

  /** Stores `values` (a fresh array) as the attribute's values; none: removes it. */
  private put(name: string, values: AttributeValue[]): this {
    const at = this.shape.positions.get(name.toLowerCase());
    if (at === undefined && values.length === 0) return this;
    const held = this.opened();
    if (at !== undefined && values.length > 0) {
      held[at] = hold(values);
      return this;
    }
    // map, concat and slice make arrays of the exact length (a push would leave room for about 24
    // more values, twice the memory of an entry read attribute by attribute from LDIF).
    if (at === undefined) {
      this.held = held.concat([hold(values)]);
      this.shape = shapeWith(this.shape, name);
    } else {
      this.held = held.slice(0, at).concat(held.slice(at + 1));
      this.shape = shapeOf(this.shape.names.filter((_, i) => i !== at));
    }
    return this;
  }

  delete(name: string, values?: AttributeValue[]): this {
    const spelled = this.nameOf(name);
    if (spelled === undefined) return this;
    if (!values || values.length === 0) return this.put(spelled, []);
    const drop = new Set(values.map(valueKey));
    return this.put(
      spelled,
      this.get(name).filter((v) => !drop.has(valueKey(v))),
    );
  }

  /** Attribute names as first written, in insertion order. */
  names(): string[] {
    return [...this.shape.names];
  }

  /** objectClass values, lower-cased. */
  objectClasses(): string[] {
    return this.texts('objectClass').map((c) => c.toLowerCase());
  }

  isA(objectClass: string): boolean {
    const wanted = objectClass.toLowerCase();
    return this.texts('objectClass').some((c) => c.toLowerCase() === wanted);
  }

  clone(dn = this.dn): DirectoryEntry {
    const copy = new DirectoryEntry(dn);
    copy.shape = this.shape;
    copy.held = this.held?.map((h) => (Array.isArray(h) ? h.slice() : h));
    copy.packed = this.packed;
    return copy;
  }

  /** A plain, JSON-friendly view (binary values as base64 with a `base64:` prefix). */
  toJSON(): { dn: string; attributes: Record<string, string[]> } {
    const attributes: Record<string, string[]> = {};
    this.shape.names.forEach((name) => {
      attributes[name] = this.get(name).map((v) =>
        typeof v === 'string' ? v : `base64:${Buffer.from(v).toString('base64')}`,
      );
    });
    return { dn: this.dn, attributes };
  }

  /** The values to change: a packed entry is opened (its values back one per attribute) first. */
  private opened(): Held[] {
    if (!this.held)
      [this.held, this.packed] = [unpackAll(this.packed, this.shape.names.length).map(hold), ''];
    return this.held;
  }

  /** The attribute's name as this entry spells it. */
  private nameOf(name: string): string | undefined {
    const at = this.shape.positions.get(name.toLowerCase());
    return at === undefined ? undefined : this.shape.names[at];
  }
}

function hold(value: AttributeValue | AttributeValue[]): Held {
  return Array.isArray(value) && value.length === 1 ? value[0] : value;
}

function toList(held: Held): AttributeValue[] {
  return Array.isArray(held) ? held : [held];
}

function valueKey(value: AttributeValue): string {
  return typeof value === 'string'
    ? `s:${value.toLowerCase()}`
    : `b:${Buffer.from(value).toString('base64')}`;
}
