import { crc32 } from 'node:zlib';

/**
 * Wraps a file in the OAB "LZX" container ([MS-OXOAB] §2.8, LZX_HDR / LZX_BLK) using stored blocks
 * (ulFlags = 0): valid for every OAB client and needs no LZX compressor. The file may be given in
 * parts (header and records), which are never joined into one more copy: the container is planned
 * once (its size and each block's CRC) and then written as a sequence of chunks, so a server can
 * stream it from the parts without holding the container itself.
 */
export const BLOCK_MAX = 256 * 1024;

export interface LzxPlan {
  parts: Buffer[];
  blockMax: number;
  /** The data's length (LZX_HDR's ulTargetSize). */
  total: number;
  /** The container's length in bytes. */
  size: number;
  /** Each block's CRC as the LZX_BLK header carries it. */
  crcs: number[];
}

export function planLzxContainer(data: Buffer | Buffer[], blockMax = BLOCK_MAX): LzxPlan {
  const parts = Array.isArray(data) ? data : [data];
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const crcs: number[] = [];
  for (let offset = 0; offset < total; offset += blockMax) {
    let crc = 0;
    for (const slice of slices(parts, offset, Math.min(blockMax, total - offset))) crc = crc32(slice, crc);
    crcs.push(~crc >>> 0);
  }
  return { parts, blockMax, total, size: 16 + crcs.length * 16 + total, crcs };
}

/** The container's bytes in order: its header, then each block's header and data (views of the parts). */
export function* lzxContainerChunks(plan: LzxPlan): Generator<Buffer> {
  const header = Buffer.allocUnsafe(16);
  header.writeUInt32LE(3, 0);
  header.writeUInt32LE(1, 4);
  header.writeUInt32LE(plan.blockMax, 8);
  header.writeUInt32LE(plan.total, 12);
  yield header;
  for (let block = 0; block < plan.crcs.length; block++) {
    const offset = block * plan.blockMax;
    const length = Math.min(plan.blockMax, plan.total - offset);
    const head = Buffer.allocUnsafe(16);
    head.writeUInt32LE(0, 0);
    head.writeUInt32LE(length, 4);
    head.writeUInt32LE(length, 8);
    head.writeUInt32LE(plan.crcs[block], 12);
    yield head;
    yield* slices(plan.parts, offset, length);
  }
}

/** The whole container in one buffer (tests, small files). */
export function storeInLzxContainer(data: Buffer | Buffer[], blockMax = BLOCK_MAX): Buffer {
  const plan = planLzxContainer(data, blockMax);
  return Buffer.concat([...lzxContainerChunks(plan)], plan.size);
}

/** Views of `length` bytes from `start` of the concatenated parts. */
function* slices(parts: Buffer[], start: number, length: number): Generator<Buffer> {
  let skip = start;
  let left = length;
  for (const part of parts) {
    if (left === 0) return;
    if (skip >= part.length) {
      skip -= part.length;
      continue;
    }
    const slice = part.subarray(skip, skip + Math.min(left, part.length - skip));
    yield slice;
    left -= slice.length;
    skip = 0;
  }
}

/** The OAB CRC: reflected CRC-32 from 0xFFFFFFFF without the final XOR. */
export function oabCrc(chunk: Buffer): number {
  return ~crc32(chunk) >>> 0;
}
