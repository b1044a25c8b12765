import { crc32 } from 'node:zlib';

/**
 * Wraps a file in the OAB "LZX" container ([MS-OXOAB] §2.8, LZX_HDR / LZX_BLK) using stored blocks
 * (ulFlags = 0): valid for every OAB client and needs no LZX compressor. The file may be given in
 * parts (header and records), which are never joined into one more copy.
 */
export const BLOCK_MAX = 256 * 1024;

export function storeInLzxContainer(data: Buffer | Buffer[], blockMax = BLOCK_MAX): Buffer {
  const parts = Array.isArray(data) ? data : [data];
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const blocks = Math.ceil(total / blockMax);
  const out = Buffer.allocUnsafe(16 + blocks * 16 + total);
  out.writeUInt32LE(3, 0);
  out.writeUInt32LE(1, 4);
  out.writeUInt32LE(blockMax, 8);
  out.writeUInt32LE(total, 12);
  let at = 16;
  for (let offset = 0; offset < total; offset += blockMax) {
    const length = Math.min(blockMax, total - offset);
    const crc = copyRange(parts, offset, length, out, at + 16);
    out.writeUInt32LE(0, at);
    out.writeUInt32LE(length, at + 4);
    out.writeUInt32LE(length, at + 8);
    out.writeUInt32LE(~crc >>> 0, at + 12);
    at += 16 + length;
  }
  return out;
}

/** Copies `length` bytes from `start` of the concatenated parts into `out`; returns their CRC-32. */
function copyRange(parts: Buffer[], start: number, length: number, out: Buffer, to: number): number {
  let crc = 0;
  let skip = start;
  let left = length;
  for (const part of parts) {
    if (left === 0) break;
    if (skip >= part.length) {
      skip -= part.length;
      continue;
    }
    const slice = part.subarray(skip, skip + Math.min(left, part.length - skip));
    slice.copy(out, to);
    crc = crc32(slice, crc);
    to += slice.length;
    left -= slice.length;
    skip = 0;
  }
  return crc;
}

/** The OAB CRC: reflected CRC-32 from 0xFFFFFFFF without the final XOR. */
export function oabCrc(chunk: Buffer): number {
  return ~crc32(chunk) >>> 0;
}
