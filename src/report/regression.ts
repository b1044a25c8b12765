import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BufferedFile } from './buffered-file';
import { csvCell } from './csv-cell';
import type { FindingEntry, FindingsFile } from './finding-types';
import { diffFlows, type FlowChange } from './flow-diff';
import { type Manifest, readManifest } from './manifest';

/** What changed since an approved run (`--baseline DIR`). */
export interface Regression {
  baseline: { dir: string; runId: string; startedAt?: string };
  rules: Array<{ id: string; before: string; after: string }>;
  objects: {
    /** Outcomes whose status or severity changed, or whose object appeared or disappeared. */
    changed: number;
    /** Outcomes whose only difference is the message's wording: never counted as a change. */
    reworded: number;
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

/** What is compared: the outcome and its severity; the message is only shown beside it. */
function outcomeState(e: { outcome: string; severity?: string }): string {
  return e.outcome === 'holds' ? 'holds' : (e.severity ?? 'finding');
}

const SEVERITY_RANK: Record<string, number> = { blocking: 0, warning: 1, finding: 2, info: 3, holds: 4 };

/** Worse first: a new blocking finding, a new warning, any other worsening, a resolved finding, the rest. */
function changeRank(was: string, now: string): number {
  if (now === 'not checked' || was === 'not checked') return 4;
  const worse = SEVERITY_RANK[now] < SEVERITY_RANK[was];
  if (worse && now === 'blocking') return 0;
  if (worse && now === 'warning') return 1;
  if (worse) return 2;
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
  current: {
    outDir: string;
    manifest: Manifest;
    rules: Record<string, string>;
    entries: Iterable<FindingEntry>;
  },
): Regression {
  checkBaselineDir(baselineDir);
  const base = JSON.parse(readFileSync(join(baselineDir, 'findings.json'), 'utf8')) as FindingsFile;
  const baseManifest = readManifest(baselineDir);

  const rules = Object.keys({ ...base.rules, ...current.rules })
    .map((id) => ({ id, before: base.rules[id]?.status ?? 'absent', after: current.rules[id] ?? 'absent' }))
    .filter((r) => r.before !== r.after);

  const before = new Map<string, { state: string; message: string }>();
  for (const [dn, { findings }] of Object.entries(base.objects))
    for (const f of findings)
      before.set(`${f.rule}\u0000${dn}`, { state: outcomeState(f), message: f.message });
  const csv = new BufferedFile(join(current.outDir, 'regression.csv'));
  csv.write('dn,rule,before,after\r\n');
  const buckets: Regression['objects']['rows'][] = [[], [], [], [], []];
  let changed = 0;
  let reworded = 0;
  const absent = { state: 'not checked', message: '' };
  const text = (o: { state: string; message: string }) => (o.message ? `${o.state}: ${o.message}` : o.state);
  const note = (dn: string, rule: string, was: typeof absent, now: typeof absent) => {
    changed++;
    const bucket = buckets[changeRank(was.state, now.state)];
    const row = { dn, rule, before: text(was), after: text(now) };
    if (bucket.length < REGRESSION_ROWS_INLINE) bucket.push(row);
    csv.write(`${csvCell(dn)},${rule},${csvCell(row.before)},${csvCell(row.after)}\r\n`);
  };
  for (const e of current.entries) {
    const key = `${e.rule}\u0000${e.dn}`;
    const now = { state: outcomeState(e), message: e.message };
    const was = before.get(key) ?? absent;
    before.delete(key);
    if (was.state !== now.state) note(e.dn, e.rule, was, now);
    else if (was.message !== now.message) reworded++;
  }
  for (const [key, was] of before) {
    const [rule, dn] = key.split('\u0000');
    note(dn, rule, was, absent);
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
    objects: { changed, reworded, rows },
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
