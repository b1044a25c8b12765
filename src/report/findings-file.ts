import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog';
import { type RunMessages, ruleTags, type ScenarioRun } from './run-messages';

export const FINDINGS_MEDIA_TYPE = 'application/vnd.lync-harness.findings+json';

export type RuleStatus = 'passed' | 'failed' | 'not covered' | 'incomplete';

export interface ObjectFinding {
  rule: string;
  outcome: 'holds' | 'finding';
  severity?: 'blocking' | 'warning' | 'info';
  message: string;
  witnesses: string[];
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

/** Builds findings.json: every rule's status and every tenant object's per-rule outcomes. */
export function buildFindings(
  runId: string,
  outDir: string,
  catalog: Catalog,
  run: RunMessages,
): FindingsFile {
  const rules: FindingsFile['rules'] = {};
  for (const rule of catalog.rules) {
    const scenarios = run.scenarios.filter((s) => ruleTags(s.tags).includes(rule.id));
    rules[rule.id] = {
      status: ruleStatus(scenarios),
      kind: rule.kind,
      scenarios: scenarios.map((s) => ({ name: s.name, status: s.status })),
    };
  }
  const objects: FindingsFile['objects'] = {};
  let findings = 0;
  let blocking = 0;
  for (const scenario of run.scenarios) {
    for (const attachment of scenario.attachments.filter((a) => a.mediaType === FINDINGS_MEDIA_TYPE)) {
      const summary = JSON.parse(attachment.body) as { evidence: { file: string } };
      const list = JSON.parse(readFileSync(join(outDir, summary.evidence.file), 'utf8')) as Array<
        ObjectFinding & { dn: string; forest: string }
      >;
      for (const { dn, forest, ...finding } of list) {
        objects[dn] ??= { forest, findings: [] };
        const slot = objects[dn];
        slot.findings.push(finding);
        if (finding.outcome === 'finding') {
          findings++;
          if (finding.severity === 'blocking') blocking++;
        }
      }
    }
  }
  return {
    runId,
    complete: run.finished,
    rules,
    objects,
    totals: { objects: Object.keys(objects).length, findings, blocking },
  };
}

export function writeFindings(outDir: string, findings: FindingsFile): string {
  const file = join(outDir, 'findings.json');
  writeFileSync(file, JSON.stringify(findings));
  return file;
}
