import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from 'yaml';
import type { Catalog } from '../catalog/catalog';
import { wireSampleLine } from '../report/manifest';
import type { RunMessages } from '../report/run-messages';
import type { WrittenReport } from '../report/write-report';
import type { RunOptions } from './run-options';
import { UsageError } from './usage-error';

/** Waivers from --waivers FILE and --waive ID=REASON (the flag wins); every ID must be in the catalog. */
export function loadWaivers(options: RunOptions, catalog: Catalog): Record<string, string> {
  const waivers: Record<string, string> = {};
  if (options.waiversFile) {
    if (!existsSync(options.waiversFile))
      throw new UsageError(`--waivers ${options.waiversFile}: no such file`);
    let data: unknown;
    try {
      data = parse(readFileSync(options.waiversFile, 'utf8'));
    } catch (error) {
      throw new UsageError(
        `--waivers ${options.waiversFile}: not YAML or JSON (${(error as Error).message})`,
      );
    }
    if (!data || typeof data !== 'object' || Array.isArray(data))
      throw new UsageError(`--waivers ${options.waiversFile}: give a map of rule ID to reason`);
    for (const [id, reason] of Object.entries(data)) {
      if (typeof reason !== 'string' || !reason.trim())
        throw new UsageError(`--waivers ${options.waiversFile}: ${id} needs a reason (text)`);
      waivers[id] = reason.trim();
    }
  }
  Object.assign(waivers, options.waivers);
  const known = new Set(catalog.rules.map((r) => r.id));
  for (const id of Object.keys(waivers))
    if (!known.has(id)) throw new UsageError(`cannot waive ${id}: the catalog has no such rule`);
  return waivers;
}

/** The closing lines of a run: the verdict, the tenant findings, and (last) the report's path. */
export function printRunSummary(
  written: WrittenReport,
  run: RunMessages,
  ms?: number,
  reportMs?: number,
): void {
  const { report } = written;
  console.log(`\nlync-harness: ${report.verdict.headline}`);
  for (const line of report.verdict.details) console.log(`  ${line}`);
  const ran = run.scenarios.filter((s) => s.status !== 'unknown').length;
  const took =
    ms === undefined
      ? ''
      : `, in ${(ms / 1000).toFixed(1)} s (report written in ${((reportMs ?? 0) / 1000).toFixed(1)} s)`;
  console.log(`  ${ran} of ${run.scenarios.length} selected scenarios ran${took}`);
  const sampled = wireSampleLine(report.manifest);
  if (sampled) console.log(`  Tenant checks: ${sampled}.`);
  const r = report.regression;
  if (r) {
    const flow = r.flow.changed
      ? `GALSync flow changed (${r.flow.changes?.length ?? '?'} entries)`
      : 'same GALSync flow';
    console.log(
      `  Since ${r.baseline.runId}: ${r.rules.length} rule(s) changed status, ${r.objects.changed} object outcome(s) changed${r.objects.reworded ? ` (${r.objects.reworded} only reworded, not counted)` : ''}, ${flow}.`,
    );
  }
  const shown = relative(process.cwd(), written.html);
  console.log(`report: ${shown.startsWith('..') ? written.html : shown}`);
}
