import { type BerNode, clone, contentLength, encode, lengthField } from './ber-writer';
import { mutateBytes } from './byte-mutator';
import type { Rng } from './random';

type Picked = { node: BerNode; parent?: BerNode; depth: number };
type TreeMutation = (rng: Rng, at: Picked) => void;

const HUGE_LENGTHS = [
  [0x84, 0xff, 0xff, 0xff, 0xff],
  [0x84, 0x7f, 0xff, 0xff, 0xff],
  [0x84, 0x00, 0x00, 0x10, 0x00],
  [0x88, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
  [0x80],
  [0xff],
  [0x85, 0x01, 0x00, 0x00, 0x00, 0x00],
  [0x83, 0x01, 0x00, 0x00],
].map((b) => Buffer.from(b));

/** Mutations of one element of a request tree; every enclosing length stays true unless a mutation lies. */
export const TREE_MUTATIONS: Record<string, TreeMutation> = {
  'length-overruns-parent': (rng, { node, parent }) => {
    const own = contentLength(node);
    const room = parent ? contentLength(parent) - encode(node).length : 0;
    const claim = own + rng.pick([1, Math.max(1, room + 1), 127, 128, 1000, 65536]);
    node.lengthField = lengthField(claim);
  },
  'length-short': (rng, { node }) => {
    node.lengthField = lengthField(rng.int(contentLength(node) + 1));
  },
  'length-huge': (rng, { node }) => {
    node.lengthField = Buffer.from(rng.pick(HUGE_LENGTHS));
  },
  'length-non-minimal': (_rng, { node }) => {
    node.lengthField = Buffer.from([0x83, 0, 0, contentLength(node) & 0xff]);
  },
  'contents-truncated': (rng, { node }) => {
    const bytes = encode(node);
    node.raw = bytes.subarray(0, rng.int(bytes.length));
  },
  'tag-wrong': (rng, { node }) => {
    const tag = typeof node.tag === 'number' ? node.tag : 0x30;
    node.tag = rng.pick([tag ^ 0x20, tag + 1, tag - 1, tag ^ 0x80, rng.int(256), 0x00, 0x05]) & 0xff;
  },
  'tag-high-number': (rng, { node }) => {
    const cls = (typeof node.tag === 'number' ? node.tag : 0) & 0xe0;
    node.tag = Buffer.from([
      cls | 0x1f,
      ...Array.from({ length: rng.between(1, 6) }, () => 0x80 | rng.int(128)),
      0x01,
    ]);
  },
  'nesting-deep': (rng, { node }) => {
    node.raw = nest(encode(node), rng.pick([0x30, 0xa0, 0xa1, 0xa2, 0x31]), rng.pick([50, 500, 5000, 20000]));
  },
  'children-duplicated': (rng, { node }) => {
    if (!node.children?.length) return;
    const child = rng.pick(node.children);
    const times = rng.pick([2, 10, 1000]);
    node.children = [...node.children, ...Array.from({ length: times }, () => clone(child))];
  },
  'children-dropped': (rng, { node }) => {
    if (node.children?.length) node.children = node.children.filter(() => rng.chance(0.5));
  },
  'value-bytes': (rng, { node }) => {
    if (node.value) node.value = mutateBytes(rng, node.value.length ? node.value : Buffer.from([0]));
  },
  'integer-odd': (rng, { node }) => {
    if (node.value)
      node.value = Buffer.from(rng.pick([[], [0xff], [0x80, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1]]));
  },
};
const TREE_NAMES = Object.keys(TREE_MUTATIONS);

/** One mutated copy of `root`, and the name of what was done to it. */
export function mutateTree(rng: Rng, root: BerNode): { tree: BerNode; mutation: string } {
  const tree = clone(root);
  const picks: Picked[] = [];
  const walk = (node: BerNode, depth: number, parent?: BerNode) => {
    picks.push({ node, parent, depth });
    for (const c of node.children ?? []) walk(c, depth + 1, node);
  };
  walk(tree, 0);
  const inner = picks.filter((p) => p.depth > 0);
  const mutation = rng.pick(TREE_NAMES);
  TREE_MUTATIONS[mutation](rng, rng.pick(inner.length ? inner : picks));
  return { tree, mutation };
}

/** The frame's contents byte-mutated, with a true outer length so the frame reaches the decoder. */
export function mutateInsideFrame(rng: Rng, root: BerNode): Buffer {
  const inner = Buffer.concat((root.children ?? []).map(encode));
  const mutated = mutateBytes(rng, inner, 3);
  return Buffer.concat([Buffer.from([0x30]), lengthField(mutated.length), mutated]);
}

/** `inner` wrapped in `levels` constructed elements of `tag`, built without recursion. */
export function nest(inner: Buffer, tag: number, levels: number): Buffer {
  const headers: Buffer[] = [];
  let size = inner.length;
  for (let i = 0; i < levels; i++) {
    const header = Buffer.concat([Buffer.from([tag]), lengthField(size)]);
    headers.push(header);
    size += header.length;
  }
  return Buffer.concat([...headers.reverse(), inner]);
}
