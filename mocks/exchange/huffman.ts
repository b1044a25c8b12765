/**
 * Length-limited canonical Huffman codes as LZX uses them: lengths from symbol counts, then codes given
 * in order of length and, within a length, of symbol (the decoder rebuilds the same codes from the
 * lengths alone). A decoder that builds a lookup table refuses an incomplete code, so a tree that would
 * hold one symbol gets a second one.
 */
export function huffmanLengths(counts: ArrayLike<number>, maxLength: number): Uint8Array {
  let weights = Array.from(counts, (c) => c);
  const used = weights.filter((c) => c > 0).length;
  if (used === 0) return new Uint8Array(counts.length);
  if (used === 1) weights[weights[0] > 0 ? 1 : 0] = 1;
  for (;;) {
    const lengths = unlimitedLengths(weights);
    if (Math.max(...lengths) <= maxLength) return lengths;
    // Flatten the distribution and try again: the tree gets shallower each round.
    weights = weights.map((w) => (w > 0 ? (w >> 1) + 1 : 0));
  }
}

function unlimitedLengths(weights: number[]): Uint8Array {
  type Node = { weight: number; symbol?: number; left?: Node; right?: Node };
  const heap: Node[] = [];
  const push = (n: Node) => {
    heap.push(n);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (heap[parent].weight <= heap[i].weight) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  };
  const pop = (): Node => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let least = i;
        if (l < heap.length && heap[l].weight < heap[least].weight) least = l;
        if (r < heap.length && heap[r].weight < heap[least].weight) least = r;
        if (least === i) break;
        [heap[least], heap[i]] = [heap[i], heap[least]];
        i = least;
      }
    }
    return top;
  };
  weights.forEach((weight, symbol) => {
    if (weight > 0) push({ weight, symbol });
  });
  while (heap.length > 1) {
    const a = pop();
    const b = pop();
    push({ weight: a.weight + b.weight, left: a, right: b });
  }
  const lengths = new Uint8Array(weights.length);
  const walk = (n: Node, depth: number) => {
    if (n.symbol !== undefined) lengths[n.symbol] = depth;
    else {
      walk(n.left!, depth + 1);
      walk(n.right!, depth + 1);
    }
  };
  walk(heap[0], 0);
  return lengths;
}

/** The canonical code of each symbol (0 where its length is 0), read most significant bit first. */
export function canonicalCodes(lengths: Uint8Array): Uint32Array {
  const codes = new Uint32Array(lengths.length);
  let code = 0;
  const max = Math.max(0, ...lengths);
  for (let length = 1; length <= max; length++) {
    for (let symbol = 0; symbol < lengths.length; symbol++)
      if (lengths[symbol] === length) codes[symbol] = code++;
    code <<= 1;
  }
  return codes;
}
