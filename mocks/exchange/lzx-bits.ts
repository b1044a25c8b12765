/**
 * The LZX bit stream: bits are written most significant first into 16-bit words, and each word is
 * stored little-endian ([MS-PATCH] §2.2; libmspack's lzxd.c reads it the same way).
 */
export class LzxBitWriter {
  private words: number[] = [];
  private acc = 0;
  private filled = 0;

  /** Writes the low `count` bits of `value` (count up to 24). */
  bits(value: number, count: number): void {
    if (count > 16) {
      this.bits(value >>> 16, count - 16);
      this.bits(value & 0xffff, 16);
      return;
    }
    for (let i = count - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >>> i) & 1);
      if (++this.filled === 16) {
        this.words.push(this.acc);
        this.acc = 0;
        this.filled = 0;
      }
    }
  }

  /** Pads with zero bits to the next 16-bit boundary (the end of an LZX DELTA chunk). */
  align(): void {
    if (this.filled > 0) this.bits(0, 16 - this.filled);
  }

  /** The bytes written so far, after `align()`. */
  bytes(): Buffer {
    if (this.filled !== 0) throw new Error('[mock:exchange] LZX bit stream read before it was aligned');
    const out = Buffer.allocUnsafe(this.words.length * 2);
    for (const [i, w] of this.words.entries()) out.writeUInt16LE(w, i * 2);
    return out;
  }
}
