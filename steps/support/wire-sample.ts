import type { WireSample } from '../../src/run/run-config';

/**
 * The positions of the objects a wire witness is asked about: every object when the sample covers
 * the list, else `size` positions spread evenly over it (the first always), so both forests and every
 * part of an export are visited. Depends only on the list's length and the size: every worker and
 * every `--parallel` picks the same objects.
 */
export function samplePositions(total: number, size: WireSample): number[] {
  const n = size === 'all' ? total : Math.min(size, total);
  return Array.from({ length: n }, (_, i) => Math.floor((i * total) / n));
}
