import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { CATALOG_FILE, type Catalog } from '../catalog/catalog';
import type { DirectoryServerRecord } from '../run/directory-servers';
import { storeEvidence } from '../run/evidence';
import type { RunConfig, WireSample } from '../run/run-config';
import { liveSourceOf } from '../tenant/live-snapshot';

export interface FileStamp {
  /** `onpremises` / `online` when the user said so with a prefix. */
  role?: string;
  path: string;
  name: string;
  sha256: string;
  bytes: number;
  /** For a snapshot of a live `--tenant ldap://...`: the directory it was read from (never a password). */
  liveSource?: string;
}

/** One forest as the run read it from the user's files: what the report says of their export. */
export interface ForestSummary {
  role: string;
  domain: string;
  baseDn: string;
  /** The files it was read from. */
  source: string;
  objects: number;
  /** Objects a domain controller holds that the export did not (the naming-context head, parents of an OU). */
  addedByHarness: string[];
  /** What the reader noticed (an incomplete ranged attribute, ...). */
  notes: string[];
}

/** What ran, on what, under which settings: manifest.json, shown at the top of the report. */
export interface Manifest {
  harness: { name: string; version: string; node: string; cucumber: string };
  runId: string;
  mode: RunConfig['mode'];
  tenant: {
    source: 'sample' | 'files';
    sampleSize: number;
    /** How many objects per tenant check the mocks were asked about (`--wire-sample`); the model judged all. */
    wireSample?: WireSample;
    files: FileStamp[];
    forests?: ForestSummary[];
  };
  /**
   * The GALSync flow file (the shipped out-of-the-box flow when none is given: `isDefault`), with a
   * copy kept in the run's evidence so a later baseline can diff it.
   */
  galsyncFlow: (FileStamp & { copy: string; isDefault?: boolean }) | null;
  /** Every catalog setting with the value the run used. */
  settings: Record<string, { value: string; isDefault: boolean }>;
  tags?: string;
  waivers: Record<string, string>;
  catalog: { version: number; sha256: string; rules: number };
  /** Real directory servers that answered the LDAP role (`--ldap samba`), with their load times. */
  directoryServers?: DirectoryServerRecord[];
  startedAt: string;
  endedAt?: string;
  status: 'running' | 'passed' | 'failed' | 'incomplete';
  /** Why the run is incomplete (interrupted, a crash), when it is. */
  note?: string;
  /** Settings given for the run that no scenario read (so they changed nothing), once the report is written. */
  settingsNotUsed?: string[];
  /** The report's two verdicts, once the report is written: the rules', and the tenant's readiness. */
  verdict?: {
    rules: { status: string; headline: string };
    tenant: { status: string; headline: string; objects: number; findings: number; blocking: number };
  };
}

const PROJECT = join(__dirname, '..', '..');
/** The flow GALSync runs with when --galsync is not given. */
export const DEFAULT_FLOW_FILE = join(PROJECT, 'examples', 'galsync', 'out-of-the-box.yaml');

export function sha256Of(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function stampFile(spec: string): FileStamp {
  const match = /^(online|onpremises)=(.*)$/.exec(spec);
  const path = resolve(match ? match[2] : spec);
  // Only a rebuilt report (lync-harness report) can meet a file that is gone since the run.
  if (!existsSync(path))
    return { role: match?.[1], path, name: basename(path), sha256: 'file missing', bytes: 0 };
  const bytes = readFileSync(path);
  const stamp = { path, name: basename(path), sha256: sha256Of(bytes), bytes: bytes.length };
  const liveSource = liveSourceOf(bytes);
  return { role: match?.[1], ...stamp, ...(liveSource ? { liveSource } : {}) };
}

function packageVersion(pkg: string): string {
  const file = pkg ? join(PROJECT, 'node_modules', pkg, 'package.json') : join(PROJECT, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : '?';
}

export function createManifest(
  config: RunConfig,
  catalog: Catalog,
  extra: {
    tags?: string;
    waivers?: Record<string, string>;
    startedAt?: Date;
    forests?: ForestSummary[];
  } = {},
): Manifest {
  const settings: Manifest['settings'] = {};
  for (const [name, setting] of Object.entries(catalog.settings)) {
    const given = name === 'galsyncFlow' ? config.galsyncFlow && basename(config.galsyncFlow) : undefined;
    const value = given ?? config.settings[name];
    settings[name] = { value: value ?? setting.default, isDefault: value === undefined };
  }
  let galsyncFlow: Manifest['galsyncFlow'] = null;
  const flowFile = config.galsyncFlow ?? (existsSync(DEFAULT_FLOW_FILE) ? DEFAULT_FLOW_FILE : undefined);
  if (flowFile) {
    const stamp = stampFile(flowFile);
    const ext = extname(stamp.name).slice(1) || 'txt';
    const copy = stamp.bytes ? storeEvidence(config.outDir, readFileSync(stamp.path), ext).file : '';
    galsyncFlow = { ...stamp, copy, ...(config.galsyncFlow ? {} : { isDefault: true }) };
  }
  return {
    harness: {
      name: 'lync-harness',
      version: packageVersion(''),
      node: process.version,
      cucumber: packageVersion('@cucumber/cucumber'),
    },
    runId: config.runId,
    mode: config.mode,
    tenant: {
      source: config.tenantFiles.length ? 'files' : 'sample',
      sampleSize: config.sampleSize,
      wireSample: config.wireSample,
      files: config.tenantFiles.map(stampFile),
      ...(extra.forests ? { forests: extra.forests } : {}),
    },
    galsyncFlow,
    settings,
    tags: extra.tags || undefined,
    waivers: extra.waivers ?? {},
    catalog: {
      version: catalog.version,
      sha256: sha256Of(readFileSync(CATALOG_FILE)),
      rules: catalog.rules.length,
    },
    startedAt: (extra.startedAt ?? new Date()).toISOString(),
    status: 'running',
  };
}

export function writeManifest(outDir: string, manifest: Manifest): void {
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readManifest(outDir: string): Manifest | undefined {
  const file = join(outDir, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : undefined;
}

/** How the tenant checks were witnessed, in words: the model judged every object, the mocks a sample. */
export function wireSampleLine(m: Pick<Manifest, 'tenant'>): string | undefined {
  const n = m.tenant.wireSample;
  if (n === undefined) return undefined;
  return n === 'all'
    ? 'the model judged every object; the mock services were asked about every object too (--wire-sample all)'
    : `the model judged every object; the mock services were asked about up to ${n.toLocaleString('en')} objects per check, spread over the tenant (--wire-sample)`;
}
