import { crc32 } from 'node:zlib';

/**
 * Wraps a file in the OAB "LZX" container ([MS-OXOAB] §2.8, LZX_HDR / LZX_BLK) using stored blocks
 * (ulFlags = 0): valid for every OAB client and needs no LZX compressor.
 */
export const BLOCK_MAX = 256 * 1024;

export function storeInLzxContainer(data: Buffer, blockMax = BLOCK_MAX): Buffer {
  const blocks = Math.ceil(data.length / blockMax);
  const out = Buffer.allocUnsafe(16 + blocks * 16 + data.length);
  out.writeUInt32LE(3, 0);
  out.writeUInt32LE(1, 4);
  out.writeUInt32LE(blockMax, 8);
  out.writeUInt32LE(data.length, 12);
  let at = 16;
  for (let offset = 0; offset < data.length; offset += blockMax) {
    const chunk = data.subarray(offset, Math.min(offset + blockMax, data.length));
    out.writeUInt32LE(0, at);
    out.writeUInt32LE(chunk.length, at + 4);
    out.writeUInt32LE(chunk.length, at + 8);
    out.writeUInt32LE(oabCrc(chunk), at + 12);
    chunk.copy(out, at + 16);
    at += 16 + chunk.length;
  }
  return out.subarray(0, at);
}

/** The OAB CRC: reflected CRC-32 from 0xFFFFFFFF without the final XOR. */
export function oabCrc(chunk: Buffer): number {
  return ~crc32(chunk) >>> 0;
}
