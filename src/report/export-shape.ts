import type { ForestSummary } from './manifest';

/** How many DNs the page lists per forest; manifest.json holds them all. */
const LISTED = 25;

/**
 * What the run made of the user's export, per forest, in plain sentences: the objects read, the
 * objects the harness added because the export did not hold them, and what the reader noticed.
 */
export function exportShapeLines(forests: ForestSummary[] | undefined): string[] {
  const lines: string[] = [];
  for (const f of forests ?? []) {
    lines.push(
      `${f.domain} (${f.role}, ${f.baseDn}): ${f.objects.toLocaleString('en')} objects from ${f.source}`,
    );
    if (f.addedByHarness.length)
      lines.push(
        `${f.domain}: added by the harness, not in your export (a domain controller holds them): ${list(f.addedByHarness)}`,
      );
    for (const note of f.notes.slice(0, LISTED)) lines.push(`${f.domain}: ${note}`);
    if (f.notes.length > LISTED)
      lines.push(`${f.domain}: and ${f.notes.length - LISTED} more notes (manifest.json)`);
  }
  return lines;
}

function list(dns: string[]): string {
  const shown = dns.slice(0, LISTED).join('; ');
  return dns.length > LISTED ? `${shown}; and ${dns.length - LISTED} more (manifest.json)` : shown;
}
