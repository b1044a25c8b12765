import type { Catalog, CatalogRule } from '../catalog/catalog';
import type { CollectedFindings } from './findings-file';
import { buildFindingsTable, INLINE_FINDING_BYTES } from './findings-table';
import { picturesBlock } from './html-pictures';
import type { Manifest } from './manifest';
import type { Regression } from './regression';
import type {
  ComplianceReport,
  ReportArea,
  ReportRule,
  ReportRuleStatus,
  ReportScenario,
} from './report-types';
import { collectRuleEvidence, type EvidenceStore, type RuleEvidence } from './rule-evidence';
import type { RunMessages } from './run-messages';
import { buildRunVerdict } from './run-verdict';
import { settingsNotUsed } from './settings-used';

export interface ReportInput {
  catalog: Catalog;
  run: RunMessages;
  manifest: Manifest;
  findings: CollectedFindings;
  store: EvidenceStore;
  regression?: Regression;
  findingsLimit?: number;
  /** Bytes of the page the findings rows and the pictures share (INLINE_FINDING_BYTES unless a test says). */
  findingsBytes?: number;
}

const FAILED = new Set(['failed', 'ambiguous', 'undefined']);

/**
 * A rule's status from the scenarios that were selected for it: `passed` only when there is at least
 * one and every one of them ran and passed; a scenario that never ran makes the rule incomplete.
 */
export function reportRuleStatus(
  scenarios: ReportScenario[],
  excludedCount: number,
  waiver?: string,
): { status: ReportRuleStatus; waiver?: ReportRule['waiver'] } {
  let status: ReportRuleStatus;
  if (scenarios.length === 0) status = excludedCount > 0 ? 'not run' : 'not covered';
  else if (scenarios.some((s) => FAILED.has(s.status))) status = 'failed';
  else if (scenarios.every((s) => s.status === 'passed')) status = 'passed';
  else status = 'incomplete';
  if (waiver && status !== 'passed')
    return { status: 'waived', waiver: { reason: waiver, underlying: status } };
  return { status };
}

function ruleSources(catalog: Catalog, rule: CatalogRule): ReportRule['sources'] {
  return Object.entries(rule.source)
    .filter(([, where]) => where)
    .map(([key, where]) => ({
      label: key === 'notes' ? 'Field notes' : key === 'protocols' ? 'Protocol reference' : key,
      where: String(where),
      file: catalog.sources[key]?.file,
    }));
}

function buildRule(
  catalog: Catalog,
  rule: CatalogRule,
  evidence: RuleEvidence | undefined,
  input: ReportInput,
): ReportRule {
  const excluded = (input.run.excluded ?? []).filter((p) => p.tags.includes(`@${rule.id}`)).length;
  const scenarios = evidence?.scenarios ?? [];
  const { status, waiver } = reportRuleStatus(scenarios, excluded, input.manifest.waivers[rule.id]);
  return {
    id: rule.id,
    area: rule.area,
    statement: rule.statement,
    kind: rule.kind,
    sources: ruleSources(catalog, rule),
    // What its scenarios read and used, not what the command line said.
    settings: Object.entries(evidence?.settings ?? {}).map(([name, s]) => ({
      name,
      value: s.value,
      isDefault: s.isDefault,
      description: catalog.settings[name]?.description ?? '',
    })),
    dependsOn: rule.settings,
    status,
    waiver,
    scenarios,
    witnesses: [...(evidence?.witnesses ?? new Map())].map(([witness, c]) => ({ witness, ...c })),
    checks: evidence?.checks ?? [],
    exchanges: evidence?.exchanges ?? [],
    findings: evidence?.findings ?? [],
    pictures: evidence?.pictures ?? [],
  };
}

function emptyCounts(): Record<ReportRuleStatus, number> {
  return { passed: 0, failed: 0, incomplete: 0, 'not run': 0, 'not covered': 0, waived: 0 };
}

function buildAreas(catalog: Catalog, rules: ReportRule[]): ReportArea[] {
  return Object.entries(catalog.areas).map(([id, title]) => {
    const counts = emptyCounts();
    let findings = 0;
    let blocking = 0;
    for (const rule of rules.filter((r) => r.area === id)) {
      counts[rule.status]++;
      for (const f of rule.findings) {
        findings += f.findings;
        blocking += f.blocking;
      }
    }
    return { id, title, counts, findings, blocking };
  });
}

function picturesBytes(rules: ReportRule[]): number {
  return rules.reduce((sum, r) => sum + Buffer.byteLength(picturesBlock(r.id, r.pictures)), 0);
}

/** The compliance report: for every catalog rule its source, settings, status, scenarios and evidence. */
export function buildComplianceReport(input: ReportInput): ComplianceReport {
  const evidence = collectRuleEvidence(input.run.scenarios, input.run.features ?? {}, input.store);
  const rules = input.catalog.rules.map((rule) =>
    buildRule(input.catalog, rule, evidence.get(rule.id), input),
  );
  const unused = settingsNotUsed(
    input.manifest.settings,
    rules.flatMap((r) => r.settings.map((s) => s.name)),
  );
  const verdict = buildRunVerdict(rules, input.findings, input.manifest, input.run.finished);
  if (unused.length)
    verdict.details.push(
      `Not used by this run: ${unused.map((n) => `${n}=${input.manifest.settings[n].value}`).join(', ')} (no selected scenario reads ${unused.length === 1 ? 'it' : 'them'}, so ${unused.length === 1 ? 'it' : 'they'} changed nothing).`,
    );
  return {
    manifest: input.manifest,
    verdict,
    settingsNotUsed: unused,
    divergences: input.catalog.divergences,
    areas: buildAreas(input.catalog, rules),
    rules,
    findings: buildFindingsTable(
      input.findings,
      input.findingsLimit,
      // The pictures take their bytes from the findings rows' share, so the page keeps its size cap.
      (input.findingsBytes ?? INLINE_FINDING_BYTES) - picturesBytes(rules),
    ),
    totals: input.findings.totals,
    regression: input.regression,
    files: [
      { name: 'findings.csv', what: 'every rule outcome for every object (spreadsheet)' },
      { name: 'findings.json', what: 'rule statuses and per-object outcomes, keyed by DN and rule ID' },
      { name: 'manifest.json', what: 'what ran: versions, tenant files with SHA-256, settings, times' },
      { name: 'report.md', what: 'this report in Markdown, for pull requests and tickets' },
      { name: 'junit.xml', what: 'JUnit XML for CI systems' },
      { name: 'messages.ndjson', what: 'Cucumber messages: the raw record this report is built from' },
      { name: 'cucumber.html', what: "Cucumber's own report, for developers" },
    ],
  };
}
