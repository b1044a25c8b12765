import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BufferedFile } from './buffered-file';
import { csvCell, type FindingEntry, type FindingsFile } from './findings-file';
import { diffFlows, type FlowChange } from './flow-diff';
import { type Manifest, readManifest } from './manifest';

/** What changed since an approved run (`--baseline DIR`). */
export interface Regression {
  baseline: { dir: string; runId: string; startedAt?: string };
  rules: Array<{ id: string; before: string; after: string }>;
  objects: {
    changed: number;
    /** The first changes, for the page; all of them are in regression.csv. */
    rows: Array<{ dn: string; rule: string; before: string; after: string }>;
  };
  flow: { before: string; after: string; changed: boolean; changes: FlowChange[] | null };
  settings: Array<{ name: string; before: string; after: string }>;
  tenantChanged: boolean;
}

export const REGRESSION_ROWS_INLINE = 200;

export class BaselineError extends Error {}

/** Checks a baseline folder before a run starts, so a wrong path stops the run with a usage error. */
export function checkBaselineDir(dir: string): void {
  if (!existsSync(join(dir, 'findings.json')))
    throw new BaselineError(`--baseline ${dir}: no findings.json there; give the folder of an earlier run`);
}

function outcomeText(e: { outcome: string; severity?: string; message: string }): string {
  return e.outcome === 'holds' ? `holds: ${e.message}` : `${e.severity ?? 'finding'}: ${e.message}`;
}

function changeRank(was: string, now: string): number {
  if (now.startsWith('blocking:')) return 0;
  if (now.startsWith('warning:')) return 1;
  if (/^(blocking|warning|info|finding):/.test(was)) return 2;
  return 3;
}

function flowLabel(manifest: Manifest | undefined): string {
  const flow = manifest?.galsyncFlow;
  if (!flow) return 'the built-in out-of-the-box flow';
  return `${flow.name}${flow.isDefault ? ' (default)' : ''} (sha256 ${flow.sha256.slice(0, 12)}…)`;
}

function flowText(dir: string, manifest: Manifest | undefined): string | undefined {
  const copy = manifest?.galsyncFlow?.copy;
  return copy && existsSync(join(dir, copy)) ? readFileSync(join(dir, copy), 'utf8') : undefined;
}

/** Compares this run with the baseline run's findings.json and manifest.json; writes regression.csv. */
export function compareWithBaseline(
  baselineDir: string,
  current: { outDir: string; manifest: Manifest; rules: Record<string, string>; entries: FindingEntry[] },
): Regression {
  checkBaselineDir(baselineDir);
  const base = JSON.parse(readFileSync(join(baselineDir, 'findings.json'), 'utf8')) as FindingsFile;
  const baseManifest = readManifest(baselineDir);

  const rules = Object.keys({ ...base.rules, ...current.rules })
    .map((id) => ({ id, before: base.rules[id]?.status ?? 'absent', after: current.rules[id] ?? 'absent' }))
    .filter((r) => r.before !== r.after);

  const before = new Map<string, string>();
  for (const [dn, { findings }] of Object.entries(base.objects))
    for (const f of findings) before.set(`${f.rule}\u0000${dn}`, outcomeText(f));
  const csv = new BufferedFile(join(current.outDir, 'regression.csv'));
  csv.write('dn,rule,before,after\r\n');
  // The page lists what got worse first: new blocking findings, new warnings, resolved findings, the rest.
  const buckets: Regression['objects']['rows'][] = [[], [], [], []];
  let changed = 0;
  const note = (dn: string, rule: string, was: string, now: string) => {
    changed++;
    const bucket = buckets[changeRank(was, now)];
    if (bucket.length < REGRESSION_ROWS_INLINE) bucket.push({ dn, rule, before: was, after: now });
    csv.write(`${csvCell(dn)},${rule},${csvCell(was)},${csvCell(now)}\r\n`);
  };
  for (const e of current.entries) {
    const key = `${e.rule}\u0000${e.dn}`;
    const now = outcomeText(e);
    const was = before.get(key) ?? 'not checked';
    before.delete(key);
    if (was !== now) note(e.dn, e.rule, was, now);
  }
  for (const [key, was] of before) {
    const [rule, dn] = key.split('\u0000');
    note(dn, rule, was, 'not checked');
  }
  csv.close();
  const rows = buckets.flat().slice(0, REGRESSION_ROWS_INLINE);

  const flowBefore = baseManifest?.galsyncFlow?.sha256;
  const flowAfter = current.manifest.galsyncFlow?.sha256;
  const flowChanged = flowBefore !== flowAfter;
  const settings = Object.entries(current.manifest.settings)
    .map(([name, s]) => ({ name, before: baseManifest?.settings[name]?.value ?? '?', after: s.value }))
    .filter((s) => s.before !== s.after && s.name !== 'galsyncFlow');
  const stamps = (m?: Manifest) => JSON.stringify(m?.tenant.files.map((f) => f.sha256) ?? []);
  return {
    baseline: { dir: baselineDir, runId: base.runId, startedAt: baseManifest?.startedAt },
    rules,
    objects: { changed, rows },
    flow: {
      before: flowLabel(baseManifest),
      after: flowLabel(current.manifest),
      changed: flowChanged,
      changes: flowChanged
        ? diffFlows(flowText(baselineDir, baseManifest), flowText(current.outDir, current.manifest))
        : [],
    },
    settings,
    tenantChanged:
      stamps(baseManifest) !== stamps(current.manifest) ||
      baseManifest?.tenant.sampleSize !== current.manifest.tenant.sampleSize,
  };
}
