import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog';
import { BufferedFile } from './buffered-file';
import { type RunMessages, ruleTags, type ScenarioRun } from './run-messages';

export const FINDINGS_MEDIA_TYPE = 'application/vnd.lync-harness.findings+json';

export type RuleStatus = 'passed' | 'failed' | 'not covered' | 'incomplete' | 'not run' | 'waived';

export interface ObjectFinding {
  rule: string;
  outcome: 'holds' | 'finding';
  severity?: 'blocking' | 'warning' | 'info';
  message: string;
  witnesses: string[];
}

/** One rule outcome for one directory object, as the steps store it in an evidence file. */
export interface FindingEntry extends ObjectFinding {
  dn: string;
  forest: string;
}

/** What a tenant-check scenario attached: counts, a sample, and the whole list's evidence file. */
export interface FindingsSummary {
  rule: string;
  scenario: string;
  objectsChecked: number;
  /** How many objects each witness checked: the model every one, a mock its sample. */
  checkedBy?: Record<string, number>;
  holds: number;
  findings: number;
  blocking: number;
  evidence: { sha256: string; file: string; bytes: number };
}

export interface FindingsFile {
  runId: string;
  complete: boolean;
  rules: Record<
    string,
    { status: RuleStatus; kind: string; scenarios: Array<{ name: string; status: string }> }
  >;
  objects: Record<string, { forest: string; findings: ObjectFinding[] }>;
  totals: { objects: number; findings: number; blocking: number };
}

/** A rule's status from its scenarios: never "passed" for a rule none of whose scenarios ran. */
export function ruleStatus(scenarios: ScenarioRun[]): RuleStatus {
  if (scenarios.length === 0) return 'not covered';
  if (scenarios.some((s) => s.status === 'failed' || s.status === 'ambiguous' || s.status === 'undefined'))
    return 'failed';
  if (scenarios.every((s) => s.status === 'passed')) return 'passed';
  return 'incomplete';
}

/** The tenant findings of a run: every summary attached, and every entry of their evidence files. */
export interface CollectedFindings {
  summaries: FindingsSummary[];
  entries: FindingEntry[];
  /** The same entries by object DN (built once: hashing a million DNs is not free). */
  byObject: Map<string, FindingEntry[]>;
  /** Evidence files a findings summary names but the run folder lacks. */
  missing?: string[];
  totals: FindingsFile['totals'];
}

export function groupByObject(entries: FindingEntry[]): Map<string, FindingEntry[]> {
  const byObject = new Map<string, FindingEntry[]>();
  for (const entry of entries) {
    const list = byObject.get(entry.dn);
    if (list) list.push(entry);
    else byObject.set(entry.dn, [entry]);
  }
  return byObject;
}

export function collectFindings(outDir: string, run: RunMessages): CollectedFindings {
  const summaries: FindingsSummary[] = [];
  const entries: FindingEntry[] = [];
  const missing: string[] = [];
  let findings = 0;
  let blocking = 0;
  for (const scenario of run.scenarios) {
    for (const attachment of scenario.attachments) {
      if (attachment.mediaType !== FINDINGS_MEDIA_TYPE) continue;
      const summary = JSON.parse(attachment.body) as FindingsSummary;
      summaries.push({ ...summary, scenario: summary.scenario ?? scenario.name });
      const file = join(outDir, summary.evidence.file);
      if (!existsSync(file)) {
        missing.push(summary.evidence.file);
        continue;
      }
      const list = JSON.parse(readFileSync(file, 'utf8')) as FindingEntry[];
      for (const entry of list) {
        entries.push(entry);
        if (entry.outcome === 'finding') {
          findings++;
          if (entry.severity === 'blocking') blocking++;
        }
      }
    }
  }
  const byObject = groupByObject(entries);
  return { summaries, entries, byObject, missing, totals: { objects: byObject.size, findings, blocking } };
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

/** Builds findings.json in memory: every rule's status and every tenant object's per-rule outcomes. */
export function buildFindings(
  runId: string,
  outDir: string,
  catalog: Catalog,
  run: RunMessages,
  collected = collectFindings(outDir, run),
): FindingsFile {
  const objects: FindingsFile['objects'] = {};
  for (const { dn, forest, ...finding } of collected.entries) {
    objects[dn] ??= { forest, findings: [] };
    objects[dn].findings.push(finding);
  }
  return {
    runId,
    complete: run.finished,
    rules: ruleStatuses(catalog, run),
    objects,
    totals: collected.totals,
  };
}

/**
 * Writes findings.json and findings.csv straight from the collected entries, in chunks: a
 * 100,000-object tenant gives a million outcomes, more than one JSON string should hold.
 */
export function writeFindingsFiles(
  outDir: string,
  header: Pick<FindingsFile, 'runId' | 'complete' | 'rules'>,
  collected: CollectedFindings,
): void {
  const json = new BufferedFile(join(outDir, 'findings.json'));
  json.write(
    `{"runId":${JSON.stringify(header.runId)},"complete":${header.complete},"rules":${JSON.stringify(header.rules)},"objects":{`,
  );
  let first = true;
  for (const [dn, list] of collected.byObject) {
    json.write(
      `${first ? '' : ','}${JSON.stringify(dn)}:{"forest":${JSON.stringify(list[0].forest)},"findings":[`,
    );
    json.write(list.map(objectFindingJson).join(','));
    json.write(']}');
    first = false;
  }
  json.write(`},"totals":${JSON.stringify(collected.totals)}}`);
  json.close();

  const csv = new BufferedFile(join(outDir, 'findings.csv'));
  csv.write('dn,forest,rule,outcome,severity,message,witnesses\r\n');
  for (const e of collected.entries) {
    csv.write(
      `${csvCell(e.dn)},${csvCell(e.forest)},${e.rule},${e.outcome},${e.severity ?? ''},${csvCell(e.message)},${(e.witnesses ?? []).join(' ')}\r\n`,
    );
  }
  csv.close();
}

function objectFindingJson(e: FindingEntry): string {
  const severity = e.severity ? `,"severity":"${e.severity}"` : '';
  return `{"rule":"${e.rule}","outcome":"${e.outcome}"${severity},"message":${JSON.stringify(e.message)},"witnesses":${JSON.stringify(e.witnesses ?? [])}}`;
}

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  if (!/[",\r\n]/.test(safe)) return safe;
  return safe.includes('"') ? `"${safe.replace(/"/g, '""')}"` : `"${safe}"`;
}

export function writeFindings(outDir: string, findings: FindingsFile): string {
  const entries: FindingEntry[] = [];
  for (const [dn, { forest, findings: list }] of Object.entries(findings.objects))
    for (const f of list) entries.push({ dn, forest, ...f });
  const collected = { summaries: [], entries, byObject: groupByObject(entries), totals: findings.totals };
  writeFindingsFiles(outDir, findings, collected);
  return join(outDir, 'findings.json');
}

/** Rule statuses for findings.json (the report's own statuses add waived / not run). */
export { ruleStatuses };
