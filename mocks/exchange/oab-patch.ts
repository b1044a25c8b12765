import { crc32 } from 'node:zlib';
import { BLOCK_MAX } from './lzx-container';
import { encodeLzxDelta } from './lzx-delta-encoder';
import { MatchWorkspace } from './lzx-matcher';

/**
 * The OAB v4 Differential Patch file ([MS-OXOAB] §2.10, the `binpatch` file of oab.xml): PATCH_HDR,
 * then PATCH_BLKs, each naming how many bytes of the old Full Details file it reads as reference
 * data, how many bytes of the new one it produces, the CRC of those, and its LZX DELTA stream. The old
 * file is read front to back, block after block, so each block's reference is placed where the new
 * block's content lies in the old file (found by looking for the bytes that start the next block).
 */
const NEEDLE = 256;
const PROBES = [0, 1024, 4096, 16_384];

/** A file given as parts (the Full Details file's header and its records), read in ranges. */
export class Parts {
  readonly length: number;
  constructor(private readonly parts: Buffer[]) {
    this.length = parts.reduce((n, p) => n + p.length, 0);
  }

  /** `length` bytes from `start`: a view when one part holds them, a copy otherwise. */
  range(start: number, length: number): Buffer {
    let at = 0;
    for (const part of this.parts) {
      if (start >= at && start + length <= at + part.length)
        return part.subarray(start - at, start - at + length);
      at += part.length;
    }
    const out = Buffer.allocUnsafe(length);
    at = 0;
    for (const part of this.parts) {
      const from = Math.max(start, at);
      const to = Math.min(start + length, at + part.length);
      if (from < to) part.copy(out, from - start, from - at, to - at);
      at += part.length;
    }
    return out;
  }

  /** The OAB CRC of bytes `from` to the end: reflected CRC-32 from 0xFFFFFFFF, no final XOR. */
  crcFrom(from: number): number {
    let crc = 0;
    for (let at = from; at < this.length; at += BLOCK_MAX)
      crc = crc32(this.range(at, Math.min(BLOCK_MAX, this.length - at)), crc);
    return ~crc >>> 0;
  }
}

/** OAB_HDR, excluded from PATCH_HDR's file CRCs ([MS-OXOAB] §2.10.1). */
const OAB_HDR_SIZE = 12;

export function writeOabPatch(source: Parts, target: Parts, blockMax = BLOCK_MAX): Buffer {
  const out: Buffer[] = [];
  const header = Buffer.alloc(28);
  header.writeUInt32LE(3, 0);
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(blockMax, 8);
  header.writeUInt32LE(source.length, 12);
  header.writeUInt32LE(target.length, 16);
  header.writeUInt32LE(source.crcFrom(OAB_HDR_SIZE), 20);
  header.writeUInt32LE(target.crcFrom(OAB_HDR_SIZE), 24);
  out.push(header);
  let sourceAt = 0;
  const workspace = new MatchWorkspace();
  for (let targetAt = 0; targetAt < target.length; targetAt += blockMax) {
    const targetLength = Math.min(blockMax, target.length - targetAt);
    const next = targetAt + targetLength;
    const sourceEnd =
      next >= target.length
        ? Math.min(source.length, sourceAt + blockMax)
        : alignedEnd(source, target, sourceAt, next, sourceAt - targetAt, blockMax);
    const reference = source.range(sourceAt, sourceEnd - sourceAt);
    const produced = target.range(targetAt, targetLength);
    const stream = encodeLzxDelta(reference, produced, workspace);
    const block = Buffer.allocUnsafe(16);
    block.writeUInt32LE(stream.length, 0);
    block.writeUInt32LE(targetLength, 4);
    block.writeUInt32LE(reference.length, 8);
    block.writeUInt32LE(~crc32(produced) >>> 0, 12);
    out.push(block, stream);
    sourceAt = sourceEnd;
  }
  if (out.length === 1) throw new Error('[mock:exchange] a patch to an empty Full Details file');
  return Buffer.concat(out);
}

/**
 * Where in the old file the content that starts the new file's next block lies (at most `blockMax`
 * after `from`): a run of that content looked for near where the running drift puts it. When the
 * content is new, the drift is kept; the encoder then finds what it can inside the reference.
 */
function alignedEnd(
  source: Parts,
  target: Parts,
  from: number,
  next: number,
  drift: number,
  blockMax: number,
): number {
  const limit = Math.min(source.length, from + blockMax);
  for (const probe of PROBES) {
    if (next + probe + NEEDLE > target.length) break;
    const needle = target.range(next + probe, NEEDLE);
    const searchFrom = Math.max(from, next + probe + drift - 8192);
    const searchTo = Math.min(source.length, limit + probe + NEEDLE);
    if (searchTo - searchFrom < NEEDLE) continue;
    const hit = source.range(searchFrom, searchTo - searchFrom).indexOf(needle);
    if (hit >= 0) return clamp(searchFrom + hit - probe, from, limit);
  }
  return clamp(next + drift, from, limit);
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
