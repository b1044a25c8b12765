import type { Rng } from './random';

/** Byte values that sit on boundaries parsers get wrong: lengths, sign bits, terminators, UTF-8 leads. */
const INTERESTING = [
  0x00, 0x01, 0x7f, 0x80, 0x81, 0x82, 0x84, 0xff, 0xfe, 0x0a, 0x0d, 0x20, 0x25, 0xc0, 0xe0,
];

type Mutation = (rng: Rng, b: Buffer) => Buffer;

const MUTATIONS: ReadonlyArray<readonly [number, Mutation]> = [
  [4, (rng, b) => setByte(b, rng.int(b.length), b[rng.int(b.length)] ^ (1 << rng.int(8)))],
  [3, (rng, b) => setByte(b, rng.int(b.length), rng.pick(INTERESTING))],
  [2, (rng, b) => setByte(b, rng.int(b.length), rng.int(256))],
  [2, (rng, b) => b.subarray(0, rng.int(b.length))],
  [2, (rng, b) => cut(b, rng.int(b.length), rng.between(1, 16))],
  [2, (rng, b) => insert(b, rng.int(b.length + 1), rng.bytes(rng.between(1, 8)))],
  [1, (rng, b) => insert(b, rng.int(b.length + 1), Buffer.alloc(rng.between(1, 4), rng.pick(INTERESTING)))],
  [1, (rng, b) => repeatSlice(rng, b)],
  [1, (rng, b) => Buffer.concat([b, rng.bytes(rng.between(1, 64))])],
];

/** One to `max` random byte-level changes to a copy of `input`; never returns the input object itself. */
export function mutateBytes(rng: Rng, input: Buffer, max = 4): Buffer {
  let b: Buffer = Buffer.from(input);
  const rounds = rng.between(1, max);
  for (let i = 0; i < rounds; i++) {
    if (b.length === 0) b = rng.bytes(rng.between(1, 8));
    b = rng.weighted(MUTATIONS)(rng, b);
  }
  return b;
}

function setByte(b: Buffer, at: number, value: number): Buffer {
  const out = Buffer.from(b);
  out[at] = value & 0xff;
  return out;
}

function cut(b: Buffer, at: number, n: number): Buffer {
  return Buffer.concat([b.subarray(0, at), b.subarray(at + n)]);
}

function insert(b: Buffer, at: number, extra: Buffer): Buffer {
  return Buffer.concat([b.subarray(0, at), extra, b.subarray(at)]);
}

function repeatSlice(rng: Rng, b: Buffer): Buffer {
  const from = rng.int(b.length);
  const slice = b.subarray(from, from + rng.between(1, 32));
  const times = rng.between(2, 64);
  return insert(b, from, Buffer.concat(Array.from({ length: times }, () => slice)));
}
