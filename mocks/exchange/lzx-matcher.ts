/**
 * Greedy LZ77 matching of `target` against `reference` followed by the target itself (the order an
 * LZX DELTA decoder holds them in its window). Tokens are pairs: [0, byte] for a literal, [length,
 * offset] for a match, the offset counted back from the match's position through the target and
 * into the reference. No match crosses a chunk boundary of the target (a decoder ends each chunk
 * on its boundary), and a match is at most 33,024 bytes (LZX DELTA's longest).
 */
export type Tokens = number[];

const MIN_MATCH = 3;
const MAX_MATCH = 33_024;
const HASH_BITS = 16;
const CHAIN_DEPTH = 24;
/** A match this long is taken without looking at other candidates. */
const GOOD_ENOUGH = 256;

export function findMatches(reference: Buffer, target: Buffer, chunk: number): Tokens {
  const data = Buffer.concat([reference, target]);
  const start = reference.length;
  // The hash chains are built only when the first match search needs them: a target that only
  // repeats the reference at the aligned offset never does.
  let head: Int32Array | undefined;
  let prev = new Int32Array(0);
  const hashAt = (i: number) => (Math.imul(data.readUInt32LE(i), 0x9e3779b1) >>> (32 - HASH_BITS)) & 0xffff;
  const insert = (i: number) => {
    if (!head || i + 4 > data.length) return;
    const h = hashAt(i);
    prev[i] = head[h];
    head[h] = i;
  };
  const chains = (upTo: number): Int32Array => {
    if (!head) {
      head = new Int32Array(1 << HASH_BITS).fill(-1);
      prev = new Int32Array(data.length);
      for (let i = 0; i < upTo; i++) insert(i);
    }
    return head;
  };

  const tokens: Tokens = [];
  // The reference is aligned with the target: the first guess is the target's start at the reference's.
  let lastOffset = start;
  for (let p = start; p < data.length; ) {
    const chunkEnd = start + (Math.floor((p - start) / chunk) + 1) * chunk;
    const limit = Math.min(MAX_MATCH, Math.min(chunkEnd, data.length) - p);
    let best = 0;
    let bestOffset = 0;
    if (lastOffset > 0) {
      best = extend(data, p - lastOffset, p, limit);
      bestOffset = lastOffset;
    }
    if (best < GOOD_ENOUGH && p + 4 <= data.length) {
      let depth = 0;
      for (let q = chains(p)[hashAt(p)]; q >= 0 && depth < CHAIN_DEPTH; q = prev[q], depth++) {
        const length = extend(data, q, p, limit);
        if (length > best) {
          best = length;
          bestOffset = p - q;
          if (length >= GOOD_ENOUGH) break;
        }
      }
    }
    if (best >= MIN_MATCH) {
      tokens.push(best, bestOffset);
      for (let i = p; i < p + best; i++) insert(i);
      p += best;
      lastOffset = bestOffset;
    } else {
      tokens.push(0, data[p]);
      insert(p);
      p++;
    }
  }
  return tokens;
}

/** How many bytes from `q` equal those from `p` (q < p; the match may overlap its own output). */
function extend(data: Buffer, q: number, p: number, limit: number): number {
  let length = 0;
  while (length < limit && data[q + length] === data[p + length]) length++;
  return length;
}
