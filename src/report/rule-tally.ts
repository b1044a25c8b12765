import type { FindingEntry } from './finding-types';
import type { FindingsTable } from './report-types';

type RuleCounts = FindingsTable['byRule'][number];

/** Per rule: how many distinct objects it judged (a bit per object) and its outcomes by severity. */
export class RuleTally {
  private readonly byRule = new Map<string, { counts: RuleCounts; seen: Uint8Array }>();

  add(entry: FindingEntry, object: number): void {
    let slot = this.byRule.get(entry.rule);
    if (!slot) {
      slot = {
        counts: { rule: entry.rule, objects: 0, holds: 0, blocking: 0, warning: 0, info: 0 },
        seen: new Uint8Array(1024),
      };
      this.byRule.set(entry.rule, slot);
    }
    if (object >= slot.seen.length) {
      const bigger = new Uint8Array(Math.max(object + 1, slot.seen.length * 2));
      bigger.set(slot.seen);
      slot.seen = bigger;
    }
    const { counts } = slot;
    if (!slot.seen[object]) {
      slot.seen[object] = 1;
      counts.objects++;
    }
    if (entry.outcome === 'holds') counts.holds++;
    else counts[entry.severity === 'blocking' || entry.severity === 'warning' ? entry.severity : 'info']++;
  }

  counts(): RuleCounts[] {
    return [...this.byRule.values()]
      .map((s) => s.counts)
      .sort((a, b) => a.rule.localeCompare(b.rule, 'en', { numeric: true }));
  }
}
