import type { FindingEntry } from './findings-file';
import type { FindingsTable } from './report-types';

/** Rows the page embeds at most; the rest are in findings.csv and findings.json. */
export const INLINE_FINDING_ROWS = 30_000;
/** And at most this many bytes of rows, so the page stays under 5 MB with long DNs and messages. */
export const INLINE_FINDING_BYTES = 3_500_000;

const SEVERITIES = ['blocking', 'warning', 'info', ''];

/** Index of each distinct string, so repeated rule IDs, forests and witness lists cost one number. */
class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  of(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

function rank(e: FindingEntry): number {
  return e.outcome === 'holds' ? 3 : Math.max(0, SEVERITIES.indexOf(e.severity ?? 'info'));
}

/** The findings table of the page: the most serious outcomes first, up to `limit` rows. */
export function buildFindingsTable(
  entries: FindingEntry[],
  byObject: Map<string, FindingEntry[]>,
  limit = INLINE_FINDING_ROWS,
  maxBytes = INLINE_FINDING_BYTES,
): FindingsTable {
  const forests = new Dictionary();
  const rules = new Dictionary();
  const witnesses = new Dictionary();
  const rows: FindingsTable['rows'] = [];
  let bytes = 0;
  const full = () => rows.length >= limit || bytes >= maxBytes;
  for (let level = 0; level < 4 && !full(); level++) {
    for (const e of entries) {
      if (rank(e) !== level) continue;
      // The row's JSON: the two strings, five small numbers, quotes and commas.
      bytes += e.dn.length + e.message.length + 24;
      rows.push([
        e.dn,
        forests.of(e.forest),
        rules.of(e.rule),
        e.outcome === 'holds' ? 0 : 1,
        level,
        e.message,
        witnesses.of((e.witnesses ?? []).join(' ')),
      ]);
      if (full()) break;
    }
  }
  return {
    columns: ['object', 'forest', 'rule', 'outcome', 'severity', 'message', 'witnesses'],
    rows,
    forests: forests.values,
    rules: rules.values,
    severities: SEVERITIES,
    witnesses: witnesses.values,
    total: entries.length,
    byRule: countByRule(byObject),
  };
}

type RuleCounts = FindingsTable['byRule'][number];

function countByRule(byObject: Map<string, FindingEntry[]>): FindingsTable['byRule'] {
  const byRule = new Map<string, RuleCounts>();
  const slot = (rule: string) => {
    let counts = byRule.get(rule);
    if (!counts) {
      counts = { rule, objects: 0, holds: 0, blocking: 0, warning: 0, info: 0 };
      byRule.set(rule, counts);
    }
    return counts;
  };
  const seen: string[] = [];
  for (const list of byObject.values()) {
    seen.length = 0;
    for (const e of list) {
      const counts = slot(e.rule);
      // An object has a handful of outcomes: a small array beats a Set per object.
      if (!seen.includes(e.rule)) {
        seen.push(e.rule);
        counts.objects++;
      }
      if (e.outcome === 'holds') counts.holds++;
      else counts[e.severity === 'blocking' || e.severity === 'warning' ? e.severity : 'info']++;
    }
  }
  return [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule, 'en', { numeric: true }));
}
