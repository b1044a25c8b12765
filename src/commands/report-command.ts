import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../catalog/catalog';
import { createManifest, type Manifest, readManifest, writeManifest } from '../report/manifest';
import { BaselineError, checkBaselineDir } from '../report/regression';
import { type RunMessages, readRunMessages } from '../report/run-messages';
import { writeRunReport } from '../report/write-report';
import type { RunConfig } from '../run/run-config';
import { printRunSummary } from './run-report';
import { UsageError } from './usage-error';

export const REPORT_HELP = `Usage: lync-harness report RUN_DIR [--baseline DIR]

Rebuilds a run's report (report.html, report.md, findings.json, findings.csv) from the Cucumber
messages and evidence files in RUN_DIR, e.g. after an interrupted run or with another baseline.

Options:
  --baseline DIR   compare with an approved earlier run (rules, objects, GALSync flow)
  --help           this text

Exit status: 0 the report was written; 2 RUN_DIR is not a run folder, or usage.`;

export async function reportCommand(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) {
    console.log(REPORT_HELP);
    return 0;
  }
  if (parsed.positionals.length !== 1)
    throw new UsageError('give one run folder, e.g. reports/2026-11-24_09-00-00');
  const outDir = resolve(parsed.positionals[0]);
  const messages = join(outDir, 'messages.ndjson');
  if (!existsSync(messages)) throw new UsageError(`${messages} does not exist: give the folder of a run`);
  const baseline = parsed.values.baseline;
  try {
    if (baseline) checkBaselineDir(baseline);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message);
    throw error;
  }
  const catalog = loadCatalog();
  const run = readRunMessages(messages);
  const manifest = runManifest(outDir, run, catalog);
  const written = writeRunReport({ outDir, catalog, run, manifest, baseline });
  printRunSummary(written, run);
  return 0;
}

/** The run's manifest; rebuilt from run-config.json for a run that never wrote one. */
function runManifest(outDir: string, run: RunMessages, catalog: ReturnType<typeof loadCatalog>): Manifest {
  let manifest = readManifest(outDir);
  if (!manifest) {
    const configFile = join(outDir, 'run-config.json');
    if (!existsSync(configFile))
      throw new UsageError(`${outDir} has neither manifest.json nor run-config.json`);
    const config = { ...(JSON.parse(readFileSync(configFile, 'utf8')) as RunConfig), outDir };
    const startedAt = run.startedAt ? new Date(run.startedAt) : undefined;
    manifest = { ...createManifest(config, catalog, { startedAt }), endedAt: run.finishedAt };
    manifest.status = !run.finished ? 'incomplete' : run.success ? 'passed' : 'failed';
    writeManifest(outDir, manifest);
  }
  if (manifest.status === 'running') {
    // The run ended without writing its report (killed, or the machine stopped).
    manifest = { ...manifest, status: 'incomplete', note: 'The run ended before it could write its report.' };
  }
  return manifest;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { baseline: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
}
