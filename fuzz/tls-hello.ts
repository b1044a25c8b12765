import type { Rng } from './random';

/** A TLS structure as a tree of length-prefixed vectors (RFC 8446 §3.4), so one length can lie alone. */
export interface Vec {
  /** Bytes of the length prefix: 0 (none), 1, 2 or 3. */
  width: 0 | 1 | 2 | 3;
  children?: Vec[];
  value?: Buffer;
  /** When set, written instead of the true length. */
  claim?: number;
}

export const raw = (value: Buffer | number[]): Vec => ({ width: 0, value: Buffer.from(value) });
export const vec = (width: 0 | 1 | 2 | 3, ...children: Vec[]): Vec => ({ width, children });
const u16 = (...values: number[]) => raw(values.flatMap((v) => [v >> 8, v & 0xff]));

export function writeVec(v: Vec): Buffer {
  const content = v.children ? Buffer.concat(v.children.map(writeVec)) : (v.value ?? Buffer.alloc(0));
  if (v.width === 0) return content;
  const length = v.claim ?? content.length;
  const prefix = Buffer.alloc(v.width);
  for (let i = 0; i < v.width; i++) prefix[v.width - 1 - i] = Math.floor(length / 256 ** i) & 0xff;
  return Buffer.concat([prefix, content]);
}

const ext = (type: number, ...data: Vec[]) => vec(0, u16(type), vec(2, ...data));

function extensions(rng: Rng, serverName: string): Vec[] {
  const all = [
    ext(0x0000, vec(2, raw([0]), vec(2, raw(Buffer.from(serverName))))),
    ext(0x000a, vec(2, u16(0x001d, 0x0017, 0x0018))),
    ext(0x000b, vec(1, raw([0]))),
    ext(0x000d, vec(2, u16(0x0401, 0x0804, 0x0403, 0x0501, 0x0201))),
    ext(0xff01, vec(1)),
    ext(0x0017),
    ext(0x0023),
    ext(0x0010, vec(2, vec(1, raw(Buffer.from('http/1.1'))))),
    ext(0x0005, raw([1, 0, 0, 0, 0])),
    ext(0x002b, vec(1, u16(0x0304, 0x0303))),
    ext(0x0033, vec(2, u16(0x001d), vec(2, raw(rng.bytes(32))))),
    ext(0x002d, vec(1, raw([1]))),
    ext(0x000f, raw([1])),
  ];
  return all.filter(() => rng.chance(0.8));
}

/** A ClientHello in its record, as a tree: record(type, version, fragment(handshake(type, hello))). */
export function clientHello(rng: Rng, serverName: string): Vec {
  const hello = vec(
    0,
    u16(rng.pick([0x0303, 0x0303, 0x0301, 0x0302])),
    raw(rng.bytes(32)),
    vec(1, raw(rng.chance(0.3) ? rng.bytes(32) : [])),
    vec(2, u16(0xc02f, 0xc030, 0xc02b, 0xc02c, 0x009c, 0x002f, 0x0035, 0x1301, 0x1302, 0x00ff)),
    vec(1, raw([0])),
    vec(2, ...extensions(rng, serverName)),
  );
  return vec(0, raw([0x16]), u16(rng.pick([0x0301, 0x0303])), vec(2, raw([0x01]), vec(3, hello)));
}

/** Every vector of the tree with its parent (the mutator picks one). */
export function vecsOf(root: Vec, out: Array<{ v: Vec; parent?: Vec }> = [], parent?: Vec) {
  out.push({ v: root, parent });
  for (const c of root.children ?? []) vecsOf(c, out, root);
  return out;
}
