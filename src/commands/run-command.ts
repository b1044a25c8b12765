import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { type Catalog, loadCatalog } from '../catalog/catalog';
import { RUN_CONFIG_ENV, type RunConfig } from '../harness/run-config';
import { buildFindings, writeFindings } from '../report/findings-file';
import { readRunMessages } from '../report/run-messages';
import { loadTenant } from '../tenant/load';
import { parseRunOptions, RUN_HELP, type RunOptions } from './run-options';
import { UsageError } from './usage-error';

const PROJECT = resolve(__dirname, '..', '..');

export async function runCommand(args: string[]): Promise<number> {
  const options = parseRunOptions(args);
  if (options.help) {
    console.log(RUN_HELP);
    return 0;
  }
  const catalog = loadCatalog();
  checkSettings(catalog, options.settings);
  // Bad input stops the run before anything is reported as passing.
  if (options.tenantFiles.length) loadTenant({ files: options.tenantFiles, sampleSize: 0 });

  const runId = newRunId();
  const outDir = resolve(options.out ?? join(options.outRoot, runId));
  mkdirSync(outDir, { recursive: true });
  const config: RunConfig = {
    runId,
    outDir,
    tenantFiles: options.tenantFiles.map((f) =>
      f.replace(/^((?:online|onpremises)=)?(.*)$/, (_, p = '', file) => p + resolve(file)),
    ),
    sampleSize: options.sampleSize,
    galsyncFlow: options.galsyncFlow && resolve(options.galsyncFlow),
    mode: options.mode,
    settings: options.settings,
  };
  const configFile = join(outDir, 'run-config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  process.env[RUN_CONFIG_ENV] = configFile;

  const started = Date.now();
  let success = false;
  try {
    success = await runSuite(options, outDir);
  } finally {
    // A failed or interrupted run still writes its findings, marked incomplete.
    const messages = join(outDir, 'messages.ndjson');
    const run = existsSync(messages) ? readRunMessages(messages) : { scenarios: [], finished: false };
    const findings = buildFindings(runId, outDir, catalog, run);
    writeFindings(outDir, findings);
    printSummary(findings, run.scenarios.length, Date.now() - started, outDir);
    if (options.failOnFindings && findings.totals.blocking > 0) success = false;
  }
  return success ? 0 : 1;
}

async function runSuite(options: RunOptions, outDir: string): Promise<boolean> {
  const { runConfiguration } = await loadConfiguration(
    {
      file: 'cucumber.js',
      provided: {
        tags: options.tags ?? '',
        parallel: options.parallel,
        format: [
          options.quiet ? 'summary' : 'progress',
          `message:${join(outDir, 'messages.ndjson')}`,
          `html:${join(outDir, 'cucumber.html')}`,
          `junit:${join(outDir, 'junit.xml')}`,
        ],
        formatOptions: { junit: { suiteName: 'lync-harness' } },
      },
    },
    { cwd: PROJECT },
  );
  const { success } = await runCucumber(runConfiguration, { cwd: PROJECT });
  return success;
}

function checkSettings(catalog: Catalog, settings: Record<string, string>): void {
  for (const [name, value] of Object.entries(settings)) {
    const setting = catalog.settings[name];
    if (!setting)
      throw new UsageError(`unknown setting "${name}"; known: ${Object.keys(catalog.settings).join(', ')}`);
    if (setting.values && !(value in setting.values)) {
      throw new UsageError(
        `setting ${name} takes ${Object.keys(setting.values).join(' or ')}, got "${value}"`,
      );
    }
  }
}

function newRunId(): string {
  return new Date().toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}

function printSummary(
  findings: ReturnType<typeof buildFindings>,
  scenarios: number,
  ms: number,
  outDir: string,
) {
  const statuses = Object.values(findings.rules).map((r) => r.status);
  const count = (s: string) => statuses.filter((x) => x === s).length;
  console.log(
    `\nlync-harness: ${count('passed')} of ${statuses.length} rules passed, ${count('failed')} failed, ` +
      `${count('not covered')} not covered${findings.complete ? '' : ' (run INCOMPLETE)'}; ${scenarios} scenarios in ${(ms / 1000).toFixed(1)} s`,
  );
  console.log(
    `tenant findings: ${findings.totals.findings} on ${findings.totals.objects} objects (${findings.totals.blocking} blocking)`,
  );
  console.log(`report: ${outDir}`);
}
