import { type Issued, issue } from './issue';
import { publicRootSubjects } from './root-names';

/** KB931125 (December 2012) brought stores past 300 roots; the set holds a few more. */
export const PUBLIC_ROOT_COUNT = 330;

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
  const roots = await Promise.all(
    subjects.map((subject, i) =>
      issue({ label: `public root ${i + 1}`, subject, ca: true, serial: 0x1000 + i }),
    ),
  );
  generationMs = Math.round(performance.now() - started);
  return roots;
}
