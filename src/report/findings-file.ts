import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog';
import { BufferedFile } from './buffered-file';
import { csvCell } from './csv-cell';
import {
  FINDINGS_MEDIA_TYPE,
  type FindingEntry,
  type FindingsFile,
  type FindingsSummary,
  type RuleStatus,
} from './finding-types';
import { FindingsEvidenceFile } from './findings-evidence-file';
import { FindingsIndex } from './findings-index';
import {
  type FindingsForTable,
  INLINE_FINDING_BYTES,
  INLINE_FINDING_ROWS,
  MostSerious,
} from './findings-table';
import { RuleTally } from './rule-tally';
import { type RunMessages, ruleTags, type ScenarioRun } from './run-messages';

/** A rule's status from its scenarios: never "passed" for a rule none of whose scenarios ran. */
export function ruleStatus(scenarios: ScenarioRun[]): RuleStatus {
  if (scenarios.length === 0) return 'not covered';
  if (scenarios.some((s) => s.status === 'failed' || s.status === 'ambiguous' || s.status === 'undefined'))
    return 'failed';
  if (scenarios.every((s) => s.status === 'passed')) return 'passed';
  return 'incomplete';
}

/**
 * The tenant findings of a run: every summary attached, their counts, and the evidence files they
 * name, read again at each pass rather than held (a million-object tenant has ten million outcomes).
 */
export interface CollectedFindings extends FindingsForTable {
  summaries: FindingsSummary[];
  /** Every object's outcomes, objects in order of first appearance. */
  byObject(): Iterable<FindingEntry[]>;
  /** Evidence files a findings summary names but the run folder lacks. */
  missing?: string[];
  totals: FindingsFile['totals'];
  /** Lets go of the evidence files. */
  close?(): void;
}

/**
 * Reads every findings evidence file the run's summaries name, once: the counts, where each finding
 * is (for findings.json by object), the most serious for the page, and each finding to `onEntry`
 * (findings.csv is written from this same pass).
 */
export function collectFindings(
  outDir: string,
  run: RunMessages,
  onEntry?: (entry: FindingEntry) => void,
): CollectedFindings {
  const summaries: FindingsSummary[] = [];
  const files: FindingsEvidenceFile[] = [];
  const missing: string[] = [];
  for (const scenario of run.scenarios) {
    for (const attachment of scenario.attachments) {
      if (attachment.mediaType !== FINDINGS_MEDIA_TYPE) continue;
      const summary = JSON.parse(attachment.body) as FindingsSummary;
      summaries.push({ ...summary, scenario: summary.scenario ?? scenario.name });
      const file = join(outDir, summary.evidence.file);
      if (existsSync(file)) files.push(new FindingsEvidenceFile(file));
      else missing.push(summary.evidence.file);
    }
  }
  const index = new FindingsIndex(files);
  const byRule = new RuleTally();
  const serious = new MostSerious(INLINE_FINDING_ROWS, INLINE_FINDING_BYTES);
  let findings = 0;
  let blocking = 0;
  for (const [f, file] of files.entries()) {
    for (const found of file.scan()) {
      const { entry } = found;
      byRule.add(entry, index.add(f, found));
      serious.add(entry);
      onEntry?.(entry);
      if (entry.outcome === 'finding') {
        findings++;
        if (entry.severity === 'blocking') blocking++;
      }
    }
  }
  return {
    summaries,
    *entries() {
      for (const file of files) for (const { entry } of file.scan()) yield entry;
    },
    byObject: () => index.byObject(),
    byRule: byRule.counts(),
    serious,
    outcomes: index.findings,
    missing,
    totals: { objects: index.objects, findings, blocking },
    close: () => {
      for (const file of files) file.close();
    },
  };
}

function ruleStatuses(catalog: Catalog, run: RunMessages): FindingsFile['rules'] {
  const rules: FindingsFile['rules'] = {};
  for (const rule of catalog.rules) {
    const scenarios = run.scenarios.filter((s) => ruleTags(s.tags).includes(rule.id));
    rules[rule.id] = {
      status: ruleStatus(scenarios),
      kind: rule.kind,
      scenarios: scenarios.map((s) => ({ name: s.name, status: s.status })),
    };
  }
  return rules;
}

/**
 * Writes findings.json as a stream from the evidence files, object by object: a 100,000-object tenant
 * gives a million outcomes, more than one JSON string should hold.
 */
export function writeFindingsJson(
  outDir: string,
  header: Pick<FindingsFile, 'runId' | 'complete' | 'rules'>,
  collected: CollectedFindings,
): void {
  const json = new BufferedFile(join(outDir, 'findings.json'));
  json.write(
    `{"runId":${JSON.stringify(header.runId)},"complete":${header.complete},"rules":${JSON.stringify(header.rules)},"objects":{`,
  );
  let first = true;
  for (const list of collected.byObject()) {
    json.write(
      `${first ? '' : ','}${JSON.stringify(list[0].dn)}:{"forest":${JSON.stringify(list[0].forest)},"findings":[`,
    );
    json.write(list.map(objectFindingJson).join(','));
    json.write(']}');
    first = false;
  }
  json.write(`},"totals":${JSON.stringify(collected.totals)}}`);
  json.close();
}

/** findings.csv, a row per outcome in run order, written as the outcomes are read. */
export class FindingsCsv {
  private readonly file: BufferedFile;

  constructor(outDir: string) {
    this.file = new BufferedFile(join(outDir, 'findings.csv'));
    this.file.write('dn,forest,rule,outcome,severity,message,witnesses\r\n');
  }

  add(e: FindingEntry): void {
    this.file.write(
      `${csvCell(e.dn)},${csvCell(e.forest)},${e.rule},${e.outcome},${e.severity ?? ''},${csvCell(e.message)},${(e.witnesses ?? []).join(' ')}\r\n`,
    );
  }

  close(): void {
    this.file.close();
  }
}

function objectFindingJson(e: FindingEntry): string {
  const severity = e.severity ? `,"severity":"${e.severity}"` : '';
  return `{"rule":"${e.rule}","outcome":"${e.outcome}"${severity},"message":${JSON.stringify(e.message)},"witnesses":${JSON.stringify(e.witnesses ?? [])}}`;
}

/** Rule statuses for findings.json (the report's own statuses add waived / not run). */
export { ruleStatuses };
