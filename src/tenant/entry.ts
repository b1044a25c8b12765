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

interface Slot {
  name: string;
  values: AttributeValue[];
}

/**
 * One directory object. Attribute names are matched case-insensitively, as AD does, and keep the
 * spelling they were first written with.
 */
export class DirectoryEntry {
  readonly dn: string;
  private readonly slots = new Map<string, Slot>();

  constructor(dn: string, attributes: Record<string, AttributeValue | AttributeValue[]> = {}) {
    this.dn = dn;
    for (const [name, value] of Object.entries(attributes)) {
      this.set(name, Array.isArray(value) ? value : [value]);
    }
  }

  get(name: string): AttributeValue[] {
    return this.slots.get(name.toLowerCase())?.values ?? [];
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
    return this.get(name).length > 0;
  }

  set(name: string, values: AttributeValue[]): this {
    const key = name.toLowerCase();
    if (values.length === 0) this.slots.delete(key);
    else this.slots.set(key, { name: this.slots.get(key)?.name ?? name, values: [...values] });
    return this;
  }

  add(name: string, value: AttributeValue): this {
    const key = name.toLowerCase();
    const slot = this.slots.get(key);
    if (slot) slot.values.push(value);
    else this.slots.set(key, { name, values: [value] });
    return this;
  }

  delete(name: string, values?: AttributeValue[]): this {
    const key = name.toLowerCase();
    const slot = this.slots.get(key);
    if (!slot) return this;
    if (!values || values.length === 0) {
      this.slots.delete(key);
      return this;
    }
    const drop = new Set(values.map(valueKey));
    slot.values = slot.values.filter((v) => !drop.has(valueKey(v)));
    if (slot.values.length === 0) this.slots.delete(key);
    return this;
  }

  /** Attribute names as first written, in insertion order. */
  names(): string[] {
    return [...this.slots.values()].map((slot) => slot.name);
  }

  /** objectClass values, lower-cased. */
  objectClasses(): string[] {
    return this.texts('objectClass').map((c) => c.toLowerCase());
  }

  isA(objectClass: string): boolean {
    return this.objectClasses().includes(objectClass.toLowerCase());
  }

  clone(dn = this.dn): DirectoryEntry {
    const copy = new DirectoryEntry(dn);
    for (const slot of this.slots.values()) copy.set(slot.name, slot.values);
    return copy;
  }

  /** A plain, JSON-friendly view (binary values as base64 with a `base64:` prefix). */
  toJSON(): { dn: string; attributes: Record<string, string[]> } {
    const attributes: Record<string, string[]> = {};
    for (const slot of this.slots.values()) {
      attributes[slot.name] = slot.values.map((v) =>
        typeof v === 'string' ? v : `base64:${Buffer.from(v).toString('base64')}`,
      );
    }
    return { dn: this.dn, attributes };
  }
}

function valueKey(value: AttributeValue): string {
  return typeof value === 'string'
    ? `s:${value.toLowerCase()}`
    : `b:${Buffer.from(value).toString('base64')}`;
}
