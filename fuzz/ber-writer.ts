/**
 * A small BER writer for building LDAP requests as trees, so a mutation can change one element (its tag,
 * its length field, its contents) while every enclosing length is computed from the real bytes.
 */
export interface BerNode {
  /** One tag byte, or the bytes of a high-tag-number form. */
  tag: number | Buffer;
  /** Contents of a constructed element... */
  children?: BerNode[];
  /** ...or of a primitive one. */
  value?: Buffer;
  /** When set, written instead of the true length field (a lie about the contents' size). */
  lengthField?: Buffer;
  /** When set, written as is instead of the element (a truncated or foreign element). */
  raw?: Buffer;
}

export const TAG = {
  boolean: 0x01,
  integer: 0x02,
  octets: 0x04,
  enumerated: 0x0a,
  sequence: 0x30,
  set: 0x31,
} as const;

export const prim = (tag: number, value: Buffer): BerNode => ({ tag, value });
export const cons = (tag: number, ...children: BerNode[]): BerNode => ({ tag, children });
export const seq = (...children: BerNode[]): BerNode => cons(TAG.sequence, ...children);
export const set = (...children: BerNode[]): BerNode => cons(TAG.set, ...children);
export const str = (text: string | Buffer, tag: number = TAG.octets): BerNode =>
  prim(tag, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
export const bool = (v: boolean): BerNode => prim(TAG.boolean, Buffer.from([v ? 0xff : 0]));
export const int = (n: number, tag: number = TAG.integer): BerNode => prim(tag, integerBytes(n));

/** Two's-complement big-endian contents of an INTEGER, minimal. */
export function integerBytes(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  for (;;) {
    bytes.unshift(((v % 256) + 256) % 256);
    v = Math.floor(v / 256);
    const sign = bytes[0] & 0x80;
    if ((v === 0 && !sign) || (v === -1 && sign)) break;
  }
  return Buffer.from(bytes);
}

/** The definite length field for `n` in its shortest form. */
export function lengthField(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function encode(node: BerNode): Buffer {
  if (node.raw) return node.raw;
  const content = node.children ? Buffer.concat(node.children.map(encode)) : (node.value ?? Buffer.alloc(0));
  const tag = typeof node.tag === 'number' ? Buffer.from([node.tag]) : node.tag;
  return Buffer.concat([tag, node.lengthField ?? lengthField(content.length), content]);
}

export function clone(node: BerNode): BerNode {
  return {
    tag: node.tag,
    ...(node.children ? { children: node.children.map(clone) } : {}),
    ...(node.value ? { value: Buffer.from(node.value) } : {}),
    ...(node.lengthField ? { lengthField: Buffer.from(node.lengthField) } : {}),
    ...(node.raw ? { raw: Buffer.from(node.raw) } : {}),
  };
}

/** The size of a node's contents as encoded (what its true length field says). */
export function contentLength(node: BerNode): number {
  if (!node.children) return node.value?.length ?? 0;
  return node.children.reduce((sum, c) => sum + encode(c).length, 0);
}
