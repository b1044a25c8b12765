import { fastRoot } from './fast-root';
import type { Issued } from './issue';
import { publicRootSubjects } from './root-names';

/** KB931125 (December 2012) brought stores past 300 roots; the set holds a few more. */
export const PUBLIC_ROOT_COUNT = 330;

const NOT_BEFORE = new Date(Date.UTC(2010, 0, 1));
const NOT_AFTER = new Date(Date.UTC(2040, 0, 1));

let cached: Promise<Issued[]> | undefined;
let generationMs = 0;

/**
 * The public root CAs, made once per process (ECDSA P-256, one key each) and shared by every
 * scenario and test: store sizes are slices of it, so a 121-root store is the first 120 of these plus
 * the enterprise root.
 */
export function publicRoots(): Promise<Issued[]> {
  cached ??= generate();
  return cached;
}

/** How long the public root set took to make, in milliseconds (0 before it was made). */
export function publicRootGenerationMs(): number {
  return generationMs;
}

async function generate(): Promise<Issued[]> {
  const started = performance.now();
  const subjects = publicRootSubjects(PUBLIC_ROOT_COUNT);
  const roots = subjects.map((subject, i) =>
    fastRoot(`public root ${i + 1}`, subject, 0x1000 + i, NOT_BEFORE, NOT_AFTER),
  );
  generationMs = Math.round(performance.now() - started);
  return roots;
}
