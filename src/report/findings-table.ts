import type { FindingEntry } from './finding-types';
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

/** What the findings table is cut from: a run's collected findings (findings-file.ts). */
export interface FindingsForTable {
  /** Every outcome, in run order. */
  entries(): Iterable<FindingEntry>;
  /** Per rule: the objects it judged and its outcomes by severity. */
  byRule: FindingsTable['byRule'];
  /** The most serious outcomes, gathered in the same pass (the page's findings table is cut from them). */
  serious?: MostSerious;
  /** How many outcomes there are. */
  outcomes: number;
}

/** The findings table of the page: the most serious outcomes first, up to `limit` rows and `maxBytes`. */
export function buildFindingsTable(
  findings: Pick<FindingsForTable, 'entries' | 'serious' | 'byRule' | 'outcomes'>,
  limit = INLINE_FINDING_ROWS,
  maxBytes = INLINE_FINDING_BYTES,
): FindingsTable {
  const forests = new Dictionary();
  const rules = new Dictionary();
  const witnesses = new Dictionary();
  const rows: FindingsTable['rows'] = [];
  let bytes = 0;
  const full = () => rows.length >= limit || bytes >= maxBytes;
  for (const [level, bucket] of mostSerious(findings, limit, maxBytes).entries()) {
    for (const e of bucket) {
      if (full()) break;
      bytes += rowBytes(e);
      rows.push([
        e.dn,
        forests.of(e.forest),
        rules.of(e.rule),
        e.outcome === 'holds' ? 0 : 1,
        level,
        e.message,
        witnesses.of((e.witnesses ?? []).join(' ')),
      ]);
    }
  }
  return {
    columns: ['object', 'forest', 'rule', 'outcome', 'severity', 'message', 'witnesses'],
    rows,
    forests: forests.values,
    rules: rules.values,
    severities: SEVERITIES,
    witnesses: witnesses.values,
    total: findings.outcomes,
    byRule: findings.byRule,
  };
}

/** The row's JSON: the two strings, five small numbers, quotes and commas. */
function rowBytes(e: FindingEntry): number {
  return e.dn.length + e.message.length + 24;
}

/**
 * The first outcomes of each severity level in run order, until that level alone would fill a table
 * of `limit` rows and `maxBytes` (the table takes the levels in turn, so it never needs more of any).
 */
export class MostSerious {
  readonly buckets: FindingEntry[][] = [[], [], [], []];
  private readonly bytes = [0, 0, 0, 0];

  constructor(
    readonly limit: number,
    readonly maxBytes: number,
  ) {}

  add(e: FindingEntry): void {
    const level = rank(e);
    const bucket = this.buckets[level];
    if (bucket.length >= this.limit || this.bytes[level] >= this.maxBytes) return;
    bucket.push(e);
    this.bytes[level] += rowBytes(e);
  }

  /** Whether these buckets hold every row a table of `limit` rows and `maxBytes` can take. */
  covers(limit: number, maxBytes: number): boolean {
    return limit <= this.limit && maxBytes <= this.maxBytes;
  }
}

/** One pass over the outcomes, unless the collecting pass already gathered enough. */
function mostSerious(
  findings: Pick<FindingsForTable, 'entries' | 'serious'>,
  limit: number,
  maxBytes: number,
): FindingEntry[][] {
  if (findings.serious?.covers(limit, maxBytes)) return findings.serious.buckets;
  const serious = new MostSerious(limit, maxBytes);
  for (const e of findings.entries()) serious.add(e);
  return serious.buckets;
}
