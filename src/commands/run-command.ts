import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { type Catalog, loadCatalog } from '../catalog/catalog';
import { loadGalSyncFlow } from '../clients/ldap/galsync-flow';
import { createManifest, type ForestSummary, type Manifest, writeManifest } from '../report/manifest';
import { ProgressDisplay } from '../report/progress-display';
import { BaselineError, checkBaselineDir } from '../report/regression';
import { RunMessagesCollector } from '../report/run-messages';
import { type WrittenReport, writeRunReport } from '../report/write-report';
import { readDirectoryServers } from '../run/directory-servers';
import { RUN_CONFIG_ENV, type RunConfig } from '../run/run-config';
import { dropKeptTenant, keepForNextLoad, loadTenant } from '../tenant/load';
import type { Forest } from '../tenant/tenant';
import { resolveLiveTenants } from './live-tenant';
import { parseRunOptions, RUN_HELP, type RunOptions } from './run-options';
import { loadWaivers, printRunSummary } from './run-report';
import { UsageError } from './usage-error';

const PROJECT = resolve(__dirname, '..', '..');
/** Exit status of a run stopped with Ctrl-C (128 + SIGINT), after its report is written. */
export const INTERRUPTED_EXIT = 130;

export async function runCommand(args: string[]): Promise<number> {
  const options = parseRunOptions(args);
  if (options.help) {
    console.log(RUN_HELP);
    return 0;
  }
  const catalog = loadCatalog();
  checkSettings(catalog, options.settings);
  const waivers = loadWaivers(options, catalog);
  checkFiles(options);
  const { runId, dir } = options.out
    ? { runId: newRunId(), dir: options.out }
    : newRunFolder(options.outRoot);
  const created = !options.out;
  options.out = dir;
  let forests: ForestSummary[] | undefined;
  let accepted = false;
  try {
    forests = await readTenantInput(options);
    const containerProblem = options.mode === 'containers' ? await checkContainerMode() : undefined;
    const sambaProblem = options.ldap === 'samba' ? await prepareSamba(forests) : undefined;
    if (containerProblem || sambaProblem) {
      console.error(`lync-harness run: ${containerProblem ?? sambaProblem}`);
      return 2;
    }
    accepted = true;
  } finally {
    // Input the run stops on leaves no folder behind.
    if (created && !accepted) rmSync(dir, { recursive: true, force: true });
  }
  const { outDir, manifest } = createRunFolder(options, catalog, waivers, runId, forests);
  return runAndReport(options, catalog, outDir, manifest);
}

/**
 * Live directories are read once, here, into LDIF snapshots in the run folder (the rest sees files);
 * then the tenant is loaded once to stop on bad input before anything is reported as passing.
 */
async function readTenantInput(options: RunOptions): Promise<ForestSummary[] | undefined> {
  options.tenantFiles = await resolveLiveTenants(options.tenantFiles, { ...options, outDir: options.out! });
  if (!options.tenantFiles.length) return undefined;
  const spec = { files: options.tenantFiles, sampleSize: 0 };
  const tenant = loadTenant(spec);
  // A worker in this process (no --parallel) takes it instead of reading the files again.
  if (options.parallel === 0) keepForNextLoad(spec, tenant);
  return tenant.forests.map(forestSummary);
}

/** --ldap samba: the packages checked and each forest's domain provisioned before any scenario. */
function prepareSamba(forests: ForestSummary[] | undefined): Promise<string | undefined> {
  const samba: typeof import('../harness/samba-domains') = require('../harness/samba-domains');
  return samba.prepareSambaDomains(
    (forests ?? []).map((f) => f.domain),
    (line) => console.error(line),
  );
}

/** Container mode, checked once before any scenario: no Docker engine is one clear line; the image is built here. */
function checkContainerMode(): Promise<string | undefined> {
  const containers: typeof import('../harness/containers') = require('../harness/containers');
  return containers.containerModeProblem();
}

/** reports/<run-id>/ with run-config.json (for the Cucumber workers) and a first manifest.json. */
function createRunFolder(
  options: RunOptions,
  catalog: Catalog,
  waivers: Record<string, string>,
  runId: string,
  forests?: ForestSummary[],
) {
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
    ldap: options.ldap,
    settings: options.settings,
    wireSample: options.wireSample,
  };
  const configFile = join(outDir, 'run-config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  process.env[RUN_CONFIG_ENV] = configFile;
  const manifest = createManifest(config, catalog, { tags: options.tags, waivers, forests });
  writeManifest(outDir, manifest);
  return { outDir, manifest };
}

/** Runs the suite and writes the report whatever happens: passed, failed, crashed or interrupted. */
async function runAndReport(options: RunOptions, catalog: Catalog, outDir: string, manifest: Manifest) {
  const collector = new RunMessagesCollector();
  const progress = process.stdout.isTTY && !options.quiet ? new ProgressDisplay(process.stdout) : undefined;
  const started = Date.now();
  const finish = (status: Manifest['status'], note?: string): WrittenReport => {
    progress?.end();
    const run = collector.result();
    const servers = readDirectoryServers(outDir, manifest.runId);
    const final: Manifest = {
      ...manifest,
      status,
      note,
      endedAt: new Date().toISOString(),
      ...(servers.length ? { directoryServers: servers } : {}),
    };
    writeManifest(outDir, final);
    const reportStarted = Date.now();
    const written = writeRunReport({ outDir, catalog, run, manifest: final, baseline: options.baseline });
    const reportMs = Date.now() - reportStarted;
    printRunSummary(written, run, reportStarted - started, reportMs);
    return written;
  };
  // Ctrl-C: Cucumber cannot be stopped cleanly, so write what arrived, marked incomplete, and leave.
  const onInterrupt = () => {
    process.once('SIGINT', () => process.exit(INTERRUPTED_EXIT));
    finish('incomplete', 'The run was interrupted (Ctrl-C) before every scenario had run.');
    process.exit(INTERRUPTED_EXIT);
  };
  process.once('SIGINT', onInterrupt);

  let success = false;
  let crash: Error | undefined;
  try {
    success = await runSuite(options, outDir, Boolean(progress), (message) => {
      collector.add(message);
      progress?.onMessage(message);
    });
  } catch (error) {
    crash = error as Error;
    throw error;
  } finally {
    dropKeptTenant();
    process.removeListener('SIGINT', onInterrupt);
    const status = crash || !collector.finished ? 'incomplete' : success ? 'passed' : 'failed';
    const note = crash ? `The run stopped with an error: ${crash.message.split('\n')[0]}` : undefined;
    const written = finish(status, note);
    if (options.failOnFindings && written.report.totals.blocking > 0) success = false;
  }
  return success ? 0 : 1;
}

async function runSuite(
  options: RunOptions,
  outDir: string,
  showProgress: boolean,
  onMessage: (message: unknown) => void,
): Promise<boolean> {
  const { runConfiguration } = await loadConfiguration(
    {
      file: 'cucumber.js',
      provided: {
        tags: options.tags ?? '',
        parallel: options.parallel,
        format: [
          // On a terminal our own progress line replaces Cucumber's dots.
          options.quiet || showProgress ? 'summary' : 'progress',
          `message:${join(outDir, 'messages.ndjson')}`,
          `html:${join(outDir, 'cucumber.html')}`,
          `junit:${join(outDir, 'junit.xml')}`,
        ],
        formatOptions: { junit: { suiteName: 'lync-harness' } },
      },
    },
    { cwd: PROJECT },
  );
  const { success } = await runCucumber(runConfiguration, { cwd: PROJECT }, onMessage as never);
  return success;
}

function checkFiles(options: RunOptions): void {
  if (options.galsyncFlow && !existsSync(options.galsyncFlow))
    throw new UsageError(`--galsync ${options.galsyncFlow}: no such file`);
  // A malformed flow file stops the run before anything is reported, like a malformed LDIF.
  if (options.galsyncFlow) {
    try {
      loadGalSyncFlow(options.galsyncFlow);
    } catch (error) {
      throw new UsageError(`--galsync: ${(error as Error).message}`);
    }
  }
  try {
    if (options.baseline) checkBaselineDir(options.baseline);
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(error.message);
    throw error;
  }
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

/** `2026-11-30_02-37-10-123-4f2a`: the time to the millisecond, and a suffix two runs never share. */
function newRunId(): string {
  const time = new Date().toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 23);
  return `${time}-${randomBytes(2).toString('hex')}`;
}

/**
 * reports/<run-id>/, created exclusively: two runs started at the same moment never share a folder
 * (a taken name is tried again with a new suffix).
 */
function newRunFolder(root: string): { runId: string; dir: string } {
  mkdirSync(root, { recursive: true });
  for (;;) {
    const runId = newRunId();
    const dir = join(root, runId);
    try {
      mkdirSync(dir);
      return { runId, dir };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function forestSummary(forest: Forest): ForestSummary {
  const { role, domain, baseDn, source, addedByHarness, notes } = forest;
  return { role, domain, baseDn, source, objects: forest.entries.length, addedByHarness, notes };
}
