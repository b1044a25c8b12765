import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../catalog/catalog';
import { storeEvidence } from '../run/evidence';
import { buildComplianceReport } from './compliance-report';
import {
  type CollectedFindings,
  collectFindings,
  FindingsCsv,
  ruleStatuses,
  writeFindingsJson,
} from './findings-file';
import { renderHtml } from './html-report';
import { type Manifest, writeManifest } from './manifest';
import { renderMarkdown } from './markdown-report';
import { compareWithBaseline } from './regression';
import type { ComplianceReport } from './report-types';
import type { RunMessages } from './run-messages';

export interface WriteReportOptions {
  outDir: string;
  catalog: Catalog;
  run: RunMessages;
  manifest: Manifest;
  /** An approved earlier run to compare with. */
  baseline?: string;
  findingsLimit?: number;
}

export interface WrittenReport {
  report: ComplianceReport;
  html: string;
  markdown: string;
}

/**
 * Writes the run's report files from its messages and evidence: report.html, report.md,
 * findings.json, findings.csv (and regression.csv with a baseline); manifest.json gains the two verdicts.
 */
export function writeRunReport(options: WriteReportOptions): WrittenReport {
  const csv = new FindingsCsv(options.outDir);
  let collected: CollectedFindings;
  try {
    collected = collectFindings(options.outDir, options.run, (e) => csv.add(e));
  } finally {
    csv.close();
  }
  try {
    return writeWith(options, collected);
  } finally {
    collected.close?.();
  }
}

function writeWith(options: WriteReportOptions, collected: CollectedFindings): WrittenReport {
  const { outDir, catalog, run, manifest } = options;
  const report = buildComplianceReport({
    catalog,
    run,
    manifest,
    findings: collected,
    store: (content) => storeEvidence(outDir, content),
    findingsLimit: options.findingsLimit,
  });
  const statuses = Object.fromEntries(report.rules.map((r) => [r.id, r.status]));
  const rules = ruleStatuses(catalog, run);
  for (const [id, rule] of Object.entries(rules)) rule.status = statuses[id] as typeof rule.status;
  writeManifest(outDir, {
    ...manifest,
    verdict: { rules: report.verdict.rules, tenant: report.verdict.tenant },
    settingsNotUsed: report.settingsNotUsed,
  });
  writeFindingsJson(outDir, { runId: manifest.runId, complete: run.finished, rules }, collected);
  if (options.baseline) {
    report.regression = compareWithBaseline(options.baseline, {
      outDir,
      manifest,
      rules: statuses,
      entries: collected.entries(),
    });
    report.files.push({
      name: 'regression.csv',
      what: 'every object outcome that changed since the baseline',
    });
  }
  const html = join(outDir, 'report.html');
  const markdown = join(outDir, 'report.md');
  writeFileSync(html, renderHtml(report));
  writeFileSync(markdown, renderMarkdown(report));
  return { report, html, markdown };
}
