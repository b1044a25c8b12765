import { type HuffmanTable, huffmanTable, readHuffmanSymbol } from './huffman-table';
import { OabFormatError } from './oab-decoder';

/**
 * The client's LZX DELTA decoder ([MS-PATCH] §2), as Outlook applies an OAB differential patch
 * block: the reference data (a block of the old Full Details file) sits before the output, matches
 * copy from either, and the stream is a run of 32 KB chunks, each after a 16-bit size and ending on a
 * 16-bit boundary. Verbatim and aligned-offset blocks; uncompressed blocks and E8 translation are
 * refused (nothing an OAB patch needs). Written apart from the mock's encoder so the two can disagree.
 */
const CHUNK = 32 * 1024;
const SLOTS_BY_WINDOW = [30, 32, 34, 36, 38, 42, 50, 66, 98, 162, 290];
const fail = (why: string): never => {
  throw new OabFormatError(`[client:oab] LZX DELTA: ${why}`);
};

function slotTables() {
  const extra: number[] = [];
  const base: number[] = [];
  let next = 0;
  for (let slot = 0; slot < 290; slot++) {
    extra.push(slot < 4 ? 0 : Math.min(17, Math.floor(slot / 2) - 1));
    base.push(next);
    next += 2 ** extra[slot];
  }
  return { extra, base };
}
const SLOTS = slotTables();

class BitReader {
  private buffer = 0;
  private count = 0;
  private at = 0;
  constructor(private readonly data: Buffer) {}

  private fill(): void {
    while (this.count <= 16) {
      const word = this.at + 1 < this.data.length ? this.data.readUInt16LE(this.at) : 0;
      if (this.at >= this.data.length + 4) fail('the stream ended early');
      this.at += 2;
      this.buffer = ((this.buffer << 16) | word) >>> 0;
      this.count += 16;
    }
  }

  read(n: number): number {
    if (n === 0) return 0;
    if (n > 16) return this.read(n - 16) * 65536 + this.read(16);
    this.fill();
    this.count -= n;
    return (this.buffer >>> this.count) & ((1 << n) - 1);
  }

  /** Drops the bits up to the next 16-bit boundary. */
  align(): void {
    this.count -= this.count % 16;
  }
}

export function decodeLzxDelta(stream: Buffer, reference: Buffer, targetLength: number): Buffer {
  const window = Math.ceil(reference.length / CHUNK) * CHUNK + targetLength;
  let bits = 17;
  while (bits < 25 && 2 ** bits < window) bits++;
  if (2 ** bits < window) fail(`a window of ${window} bytes is past 32 MB`);
  const mainSize = 256 + SLOTS_BY_WINDOW[bits - 15] * 8;
  const out = Buffer.alloc(reference.length + targetLength);
  reference.copy(out, 0);
  const start = reference.length;
  const s = new State(new BitReader(stream), mainSize);
  let p = start;
  for (let chunk = 0; p < out.length; chunk++) {
    s.bits.read(16); // the chunk's compressed size, not needed to decode it
    if (chunk === 0 && s.bits.read(1) === 1) fail('E8 translation is not used by OAB patches');
    const end = Math.min(out.length, p + CHUNK);
    while (p < end) p = s.decodeSome(out, p, end);
    if (p !== end) fail(`a match ran past the end of chunk ${chunk}`);
    s.bits.align();
  }
  return out.subarray(start);
}

class State {
  blockType = 0;
  remaining = 0;
  r = [1, 1, 1];
  mainLengths: Uint8Array;
  lengthLengths = new Uint8Array(249);
  main?: HuffmanTable;
  length?: HuffmanTable;
  aligned?: HuffmanTable;

  constructor(
    readonly bits: BitReader,
    mainSize: number,
  ) {
    this.mainLengths = new Uint8Array(mainSize);
  }

  /** Decodes one literal or match (starting a block first when the last one is done); returns the new position. */
  decodeSome(out: Buffer, p: number, end: number): number {
    if (this.remaining === 0) this.readBlockHeader();
    const symbol = readHuffmanSymbol(this.main!, this.bits);
    if (symbol < 256) {
      out[p] = symbol;
      this.remaining--;
      return p + 1;
    }
    const header = (symbol - 256) & 7;
    let length = header + 2;
    if (header === 7) {
      if (!this.length) fail('a long match, but the block has no length tree');
      length += readHuffmanSymbol(this.length!, this.bits);
    }
    const offset = this.offset((symbol - 256) >> 3);
    if (length === 257) length += this.longLength();
    if (length > end - p) fail(`a match of ${length} crosses a chunk boundary`);
    if (length > this.remaining) fail('a match runs past its block');
    if (offset > p) fail(`a match reaches ${offset - p} bytes before the reference data`);
    for (let i = 0; i < length; i++) out[p + i] = out[p + i - offset];
    this.remaining -= length;
    return p + length;
  }

  private offset(slot: number): number {
    const r = this.r;
    if (slot === 0) return r[0];
    if (slot === 1 || slot === 2) {
      const o = r[slot];
      r[slot] = r[0];
      r[0] = o;
      return o;
    }
    const extra = SLOTS.extra[slot];
    let offset = SLOTS.base[slot] - 2;
    if (this.blockType === 2 && extra >= 3) {
      offset += this.bits.read(extra - 3) * 8 + readHuffmanSymbol(this.aligned!, this.bits);
    } else offset += this.bits.read(extra);
    this.r = [offset, r[0], r[1]];
    return offset;
  }

  private longLength(): number {
    if (this.bits.read(1) === 0) return this.bits.read(8);
    if (this.bits.read(1) === 0) return this.bits.read(10) + 0x100;
    if (this.bits.read(1) === 0) return this.bits.read(12) + 0x500;
    return this.bits.read(15);
  }

  private readBlockHeader(): void {
    this.blockType = this.bits.read(3);
    this.remaining = this.bits.read(24);
    if (this.blockType === 3) fail('uncompressed LZX blocks are not supported by this simulator');
    if (this.blockType !== 1 && this.blockType !== 2) fail(`block type ${this.blockType}`);
    if (this.remaining === 0) fail('an empty block');
    if (this.blockType === 2) {
      const lengths = Uint8Array.from({ length: 8 }, () => this.bits.read(3));
      this.aligned = huffmanTable(lengths, 'aligned offset tree');
    }
    this.readLengths(this.mainLengths, 0, 256);
    this.readLengths(this.mainLengths, 256, this.mainLengths.length);
    this.main = huffmanTable(this.mainLengths, 'main tree');
    this.readLengths(this.lengthLengths, 0, 249);
    this.length = this.lengthLengths.some((l) => l > 0)
      ? huffmanTable(this.lengthLengths, 'length tree')
      : undefined;
  }

  /** Code lengths as deltas from the previous block's, sent through a pretree. */
  private readLengths(lengths: Uint8Array, first: number, last: number): void {
    const pre = huffmanTable(
      Uint8Array.from({ length: 20 }, () => this.bits.read(4)),
      'pretree',
    );
    for (let x = first; x < last; ) {
      const code = readHuffmanSymbol(pre, this.bits);
      if (code === 17 || code === 18) {
        const run = code === 17 ? this.bits.read(4) + 4 : this.bits.read(5) + 20;
        if (x + run > last) fail('a run of zero lengths past the end of the tree');
        lengths.fill(0, x, x + run);
        x += run;
      } else if (code === 19) {
        const run = this.bits.read(1) + 4;
        const value = (lengths[x] - readHuffmanSymbol(pre, this.bits) + 17) % 17;
        if (x + run > last) fail('a run of lengths past the end of the tree');
        lengths.fill(value, x, x + run);
        x += run;
      } else {
        lengths[x] = (lengths[x] - code + 17) % 17;
        x++;
      }
    }
  }
}
