import { OabFormatError } from './oab-decoder';

/**
 * Canonical Huffman decoding for LZX (most significant bit first): codes follow from the lengths
 * alone, shorter first and, within a length, by symbol. A code that does not fill its tree is refused.
 */
export interface HuffmanTable {
  /** How many codes of each length (1-16). */
  counts: Uint16Array;
  /** The symbols in code order. */
  symbols: Uint16Array;
}

export function huffmanTable(lengths: Uint8Array, name: string): HuffmanTable {
  const counts = new Uint16Array(17);
  for (const l of lengths) counts[l]++;
  counts[0] = 0;
  let left = 1;
  for (let len = 1; len <= 16; len++) {
    left = left * 2 - counts[len];
    if (left < 0) throw new OabFormatError(`[client:oab] LZX ${name}: more codes than a tree holds`);
  }
  if (left !== 0)
    throw new OabFormatError(`[client:oab] LZX ${name}: the code lengths leave the tree incomplete`);
  const offsets = new Uint16Array(18);
  for (let len = 1; len <= 16; len++) offsets[len + 1] = offsets[len] + counts[len];
  const symbols = new Uint16Array(offsets[17]);
  lengths.forEach((l, symbol) => {
    if (l > 0) symbols[offsets[l]++] = symbol;
  });
  return { counts, symbols };
}

export function readHuffmanSymbol(table: HuffmanTable, bits: { read(n: number): number }): number {
  let code = 0;
  let first = 0;
  let index = 0;
  for (let len = 1; len <= 16; len++) {
    code |= bits.read(1);
    const count = table.counts[len];
    if (code - first < count) return table.symbols[index + code - first];
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  throw new OabFormatError('[client:oab] LZX: a code longer than 16 bits');
}
