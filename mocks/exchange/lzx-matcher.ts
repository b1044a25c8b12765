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
/** A match this long is taken without looking at other candidates, and the bytes inside it are not hashed. */
const GOOD_ENOUGH = 256;
const INDEX_STRIDE = 4;

/** The buffers of one patch's matching, reused from block to block (a patch has many blocks of the same size). */
export class MatchWorkspace {
  private data = Buffer.alloc(0);
  private prev = new Int32Array(0);
  private readonly head = new Int32Array(1 << HASH_BITS);

  /** The reference and target side by side, in a buffer reused across blocks. */
  window(reference: Buffer, target: Buffer): Buffer {
    const length = reference.length + target.length;
    if (this.data.length < length) this.data = Buffer.allocUnsafe(length);
    reference.copy(this.data, 0);
    target.copy(this.data, reference.length);
    return this.data.subarray(0, length);
  }

  chains(length: number): { head: Int32Array; prev: Int32Array } {
    if (this.prev.length < length) this.prev = new Int32Array(length);
    this.head.fill(-1);
    return { head: this.head, prev: this.prev };
  }
}

export function findMatches(
  reference: Buffer,
  target: Buffer,
  chunk: number,
  workspace = new MatchWorkspace(),
): Tokens {
  if (reference.equals(target)) return sameAsReference(target, chunk);
  const data = workspace.window(reference, target);
  const start = reference.length;
  // The hash chains are built only when the first match search needs them: a target that only
  // repeats the reference at the aligned offset never does.
  let chains: { head: Int32Array; prev: Int32Array } | undefined;
  const hashAt = (i: number) => (Math.imul(data.readUInt32LE(i), 0x9e3779b1) >>> (32 - HASH_BITS)) & 0xffff;
  const insert = (i: number) => {
    if (!chains || i + 4 > data.length) return;
    const h = hashAt(i);
    chains.prev[i] = chains.head[h];
    chains.head[h] = i;
  };
  const built = (upTo: number) => {
    if (!chains) {
      chains = workspace.chains(data.length);
      // Every fourth position of what came before: a match into it is found at most three bytes late.
      for (let i = 0; i < upTo; i += INDEX_STRIDE) insert(i);
    }
    return chains;
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
      const { head, prev } = built(p);
      let depth = 0;
      for (let q = head[hashAt(p)]; q >= 0 && depth < CHAIN_DEPTH; q = prev[q], depth++) {
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
      if (best < GOOD_ENOUGH) for (let i = p; i < p + best; i++) insert(i);
      else for (let i = p + best - 8; i < p + best; i++) insert(i);
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

/** A block the reference holds unchanged (a generation of the same GAL): one match per chunk, compared natively. */
function sameAsReference(target: Buffer, chunk: number): Tokens {
  const tokens: Tokens = [];
  for (let at = 0; at < target.length; at += chunk) {
    const run = Math.min(chunk, target.length - at);
    if (run >= MIN_MATCH) tokens.push(run, target.length);
    else for (let i = at; i < at + run; i++) tokens.push(0, target[i]);
  }
  return tokens;
}

/** How many bytes from `q` equal those from `p` (q < p; the match may overlap its own output). */
function extend(data: Buffer, q: number, p: number, limit: number): number {
  let length = 0;
  while (length < limit && data[q + length] === data[p + length]) length++;
  return length;
}
