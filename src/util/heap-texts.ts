import { getHeapSnapshot } from 'node:v8';

/**
 * Whether a string in this process's heap starts with `marker` and goes on (read from a heap snapshot):
 * how a test sees that a text values were cut from is still held. For tests; a snapshot is slow.
 */
export async function heapHoldsTextAfter(marker: string): Promise<boolean> {
  const chunks: string[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(String(chunk));
  const snapshot = JSON.parse(chunks.join('')) as { strings: string[] };
  return snapshot.strings.some((s) => s.length > marker.length && s.startsWith(marker));
}
