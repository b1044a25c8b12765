import type { AttributeValue } from './entry';

/**
 * Every value of a directory object in one string, for the objects a run holds from start to end (the
 * tenant): one string of its own costs its characters and 16 bytes, where a string per value and an
 * array per attribute cost about 40 bytes more per value, so a million objects take about 400 MB less.
 *
 * Attribute by attribute, in the object's order: the number of values, then each value as its length
 * (doubled, plus one for bytes) and its characters; bytes are held one per character (Latin-1). Numbers
 * are written 7 bits to a character, the high bit saying another follows, so a text with no character
 * above U+00FF packs into a one-byte string.
 */
export function packValues(slots: readonly (AttributeValue | readonly AttributeValue[])[]): string {
  const parts: string[] = [];
  for (const slot of slots) {
    const values = Array.isArray(slot) ? (slot as readonly AttributeValue[]) : [slot as AttributeValue];
    parts.push(number(values.length));
    for (const value of values) {
      if (typeof value === 'string') parts.push(number(value.length * 2), value);
      else parts.push(number(value.length * 2 + 1), Buffer.from(value).toString('latin1'));
    }
  }
  return parts.join('');
}

/** The values of the attribute at `slot` (its position in the object's order). */
export function unpackSlot(packed: string, slot: number): AttributeValue[] {
  const cursor = { at: 0 };
  for (let s = 0; s < slot; s++) {
    const count = readNumber(packed, cursor);
    for (let i = 0; i < count; i++) {
      const length = readNumber(packed, cursor) >>> 1;
      cursor.at += length;
    }
  }
  return readSlot(packed, cursor);
}

/** Every attribute's values, in order (`slots` attributes). */
export function unpackAll(packed: string, slots: number): AttributeValue[][] {
  const cursor = { at: 0 };
  return Array.from({ length: slots }, () => readSlot(packed, cursor));
}

function readSlot(packed: string, cursor: { at: number }): AttributeValue[] {
  const count = readNumber(packed, cursor);
  const values: AttributeValue[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const head = readNumber(packed, cursor);
    const end = cursor.at + (head >>> 1);
    values[i] = head & 1 ? bytesOf(packed, cursor.at, end) : packed.slice(cursor.at, end);
    cursor.at = end;
  }
  return values;
}

function number(n: number): string {
  if (n < 0x80) return String.fromCharCode(n);
  let text = '';
  while (n >= 0x80) {
    text += String.fromCharCode(0x80 | (n & 0x7f));
    n = Math.floor(n / 0x80);
  }
  return text + String.fromCharCode(n);
}

function readNumber(packed: string, cursor: { at: number }): number {
  let n = 0;
  let scale = 1;
  for (;;) {
    const c = packed.charCodeAt(cursor.at++);
    if (Number.isNaN(c)) throw new Error('[tenant] packed values end in the middle of a number');
    n += (c & 0x7f) * scale;
    if (c < 0x80) return n;
    scale *= 0x80;
  }
}

function bytesOf(packed: string, from: number, to: number): Uint8Array {
  const bytes = new Uint8Array(to - from);
  for (let i = from; i < to; i++) bytes[i - from] = packed.charCodeAt(i);
  return bytes;
}
