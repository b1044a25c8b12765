import { canonicalCodes, huffmanLengths } from './huffman';
import { LzxBitWriter } from './lzx-bits';
import { findMatches, MatchWorkspace, type Tokens } from './lzx-matcher';

/**
 * LZX DELTA ([MS-PATCH] §2) for one block of an OAB differential patch ([MS-OXOAB] §2.10.2): the target
 * bytes as one verbatim block (main and length trees, each sent through a pretree), whose matches
 * point back into the reference data, the matching block of the old Full Details file. A decoder
 * places the reference before its output, so a match offset is counted back through both; decoded
 * against other reference data the same stream produces other bytes, and the block CRC says so.
 */
export const CHUNK = 32 * 1024;
const MAX_WINDOW_BITS = 25;
const NUM_CHARS = 256;
const LENGTH_SYMBOLS = 249;
const PRETREE_SYMBOLS = 20;
const BLOCK_VERBATIM = 1;

/** Position slots per window size, 2^15 to 2^25 ([MS-PATCH] §2.1; the slot count covers the window). */
const POSITION_SLOTS = [30, 32, 34, 36, 38, 42, 50, 66, 98, 162, 290];
const EXTRA_BITS: number[] = [];
const POSITION_BASE: number[] = [];
for (let slot = 0, base = 0; slot < 290; slot++) {
  const extra = slot < 4 ? 0 : slot < 36 ? (slot >> 1) - 1 : 17;
  EXTRA_BITS.push(extra);
  POSITION_BASE.push(base);
  base += 1 << extra;
}

/** The window a decoder sets up for a block: the reference rounded up to 32 KB, plus the output ([MS-OXOAB] §2.10.2). */
export function windowBits(referenceLength: number, targetLength: number): number {
  const size = Math.ceil(referenceLength / CHUNK) * CHUNK + targetLength;
  let bits = 17;
  while (bits < MAX_WINDOW_BITS && 2 ** bits < size) bits++;
  if (2 ** bits < size)
    throw new Error(`[mock:exchange] an LZX DELTA block needs a window of ${size} bytes, more than 32 MB`);
  return bits;
}

export function encodeLzxDelta(reference: Buffer, target: Buffer, workspace = new MatchWorkspace()): Buffer {
  const mainSymbols = NUM_CHARS + POSITION_SLOTS[windowBits(reference.length, target.length) - 15] * 8;
  const tokens = findMatches(reference, target, CHUNK, workspace);
  const mainCounts = new Uint32Array(mainSymbols);
  const lengthCounts = new Uint32Array(LENGTH_SYMBOLS);
  for (let i = 0; i < tokens.length; i += 2) {
    const [main, footer] = symbolsOf(tokens, i);
    mainCounts[main]++;
    if (footer >= 0) lengthCounts[footer]++;
  }
  const mainLengths = huffmanLengths(mainCounts, 16);
  const lengthLengths = huffmanLengths(lengthCounts, 16);
  const trees = {
    main: canonicalCodes(mainLengths),
    length: canonicalCodes(lengthLengths),
    mainLengths,
    lengthLengths,
  };

  const chunks: Buffer[] = [];
  let out = new LzxBitWriter();
  out.bits(0, 1); // no E8 translation
  out.bits(BLOCK_VERBATIM, 3);
  out.bits(target.length, 24);
  writeTree(out, mainLengths, 0, NUM_CHARS);
  writeTree(out, mainLengths, NUM_CHARS, mainSymbols);
  writeTree(out, lengthLengths, 0, LENGTH_SYMBOLS);
  let produced = 0;
  for (let i = 0; i < tokens.length; i += 2) {
    writeToken(out, tokens, i, trees);
    produced += tokens[i] === 0 ? 1 : tokens[i];
    if (produced % CHUNK === 0 || produced === target.length) {
      chunks.push(chunkOf(out));
      out = new LzxBitWriter();
    }
  }
  // A decoder asked for a whole number of chunks reads one more (empty) chunk's size.
  if (target.length % CHUNK === 0) chunks.push(Buffer.alloc(2));
  return Buffer.concat(chunks);
}

function chunkOf(out: LzxBitWriter): Buffer {
  out.align();
  const body = out.bytes();
  if (body.length > 0xffff)
    throw new Error(`[mock:exchange] an LZX chunk of ${body.length} bytes does not fit its size field`);
  const head = Buffer.allocUnsafe(2);
  head.writeUInt16LE(body.length, 0);
  return Buffer.concat([head, body]);
}

/** The main-tree symbol of a token, and its length-tree symbol (-1 when it has none). */
function symbolsOf(tokens: Tokens, i: number): [number, number] {
  const length = tokens[i];
  if (length === 0) return [tokens[i + 1], -1];
  const slot = slotOf(tokens[i + 1] + 2);
  const header = Math.min(length - 2, 7);
  return [NUM_CHARS + ((slot << 3) | header), header === 7 ? Math.min(length - 9, 248) : -1];
}

function slotOf(formatted: number): number {
  let lo = 0;
  let hi = POSITION_BASE.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (POSITION_BASE[mid] <= formatted) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

type Trees = { main: Uint32Array; length: Uint32Array; mainLengths: Uint8Array; lengthLengths: Uint8Array };

function writeToken(out: LzxBitWriter, tokens: Tokens, i: number, t: Trees): void {
  const [main, footer] = symbolsOf(tokens, i);
  out.bits(t.main[main], t.mainLengths[main]);
  if (tokens[i] === 0) return;
  if (footer >= 0) out.bits(t.length[footer], t.lengthLengths[footer]);
  const formatted = tokens[i + 1] + 2;
  const slot = slotOf(formatted);
  if (EXTRA_BITS[slot] > 0) out.bits(formatted - POSITION_BASE[slot], EXTRA_BITS[slot]);
  if (tokens[i] >= 257) writeLongLength(out, tokens[i] - 257);
}

/** LZX DELTA's longer matches: a length of 257 is followed by a prefix code and the extra length. */
function writeLongLength(out: LzxBitWriter, extra: number): void {
  if (extra < 0x100) {
    out.bits(0b0, 1);
    out.bits(extra, 8);
  } else if (extra < 0x500) {
    out.bits(0b10, 2);
    out.bits(extra - 0x100, 10);
  } else if (extra < 0x1500) {
    out.bits(0b110, 3);
    out.bits(extra - 0x500, 12);
  } else {
    out.bits(0b111, 3);
    out.bits(extra, 15);
  }
}

/**
 * One run of code lengths as LZX sends it: a pretree (20 lengths of 4 bits), then each length as the
 * difference from the previous block's (none here: every patch block starts a fresh stream), with
 * runs of zeros as codes 17 and 18.
 */
function writeTree(out: LzxBitWriter, lengths: Uint8Array, first: number, last: number): void {
  const codes: Array<[number, number, number]> = []; // pretree symbol, extra value, extra bits
  for (let x = first; x < last; ) {
    let run = 0;
    while (x + run < last && lengths[x + run] === 0 && run < 51) run++;
    if (run >= 20) {
      codes.push([18, run - 20, 5]);
      x += run;
    } else if (run >= 4) {
      codes.push([17, run - 4, 4]);
      x += run;
    } else {
      codes.push([(17 - lengths[x]) % 17, 0, 0]);
      x++;
    }
  }
  const counts = new Uint32Array(PRETREE_SYMBOLS);
  for (const [symbol] of codes) counts[symbol]++;
  const preLengths = huffmanLengths(counts, 15);
  const preCodes = canonicalCodes(preLengths);
  for (let s = 0; s < PRETREE_SYMBOLS; s++) out.bits(preLengths[s], 4);
  for (const [symbol, extra, bits] of codes) {
    out.bits(preCodes[symbol], preLengths[symbol]);
    if (bits > 0) out.bits(extra, bits);
  }
}
