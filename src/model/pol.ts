import { dnKey } from '../tenant/dn';
import type { DirectoryEntry } from '../tenant/entry';
import { type Verdict, verdict } from './verdict';

/** POL-03: the quote characters around the import-module path decide whether the task fires. */
export function importModuleQuotes(script: string): Verdict<'single' | 'typographic' | 'double' | 'none'> {
  const line = script.split(/\r?\n/).find((l) => /^\s*import-module\b/i.test(l));
  if (!line) return verdict('none', ['POL-03'], 'the script has no import-module line');
  const arg = line.replace(/^\s*import-module\s+/i, '').trim();
  if (/^'[^']*'$/.test(arg)) return verdict('single', ['POL-03'], 'plain single quotes: the task fires');
  if (/^[\u2018\u2019]/.test(arg))
    return verdict('typographic', ['POL-03'], 'typographic quotes: the task does not fire');
  if (/^["\u201c\u201d]/.test(arg))
    return verdict('double', ['POL-03'], 'double quotes: the task does not fire');
  return verdict('none', ['POL-03'], 'the module path is not quoted');
}

export interface TaskSetup {
  logOnAsService: boolean;
  /** The service account is (directly or through nesting) a member of RTCUniversalServerAdmins. */
  lyncServerAdmin: boolean;
  script: string;
}

/** POL-02, POL-03: whether a run of the scheduled task assigns anything at all. */
export function taskAssigns(setup: TaskSetup): Verdict<boolean> {
  if (!setup.logOnAsService)
    return verdict(false, ['POL-02'], 'the service account lacks the "Log on as a service" right');
  if (importModuleQuotes(setup.script).value !== 'single')
    return verdict(false, ['POL-03'], 'the import-module path is not in plain single quotes');
  if (!setup.lyncServerAdmin)
    return verdict(false, ['POL-02'], 'the service account is not in RTCUniversalServerAdmins');
  return verdict(true, ['POL-01', 'POL-02'], 'the task runs and may grant');
}

/** Objects by DN, whatever the spelling (`dnKey`): what `member` values are looked up in. */
export type Directory = Map<string, DirectoryEntry>;

export function directoryOf(entries: Iterable<DirectoryEntry>): Directory {
  const directory: Directory = new Map();
  for (const entry of entries) directory.set(dnKey(entry.dn), entry);
  return directory;
}

/**
 * POL-01, POL-04: who one run grants the policy to: the direct `member` values of the group that are
 * users. A nested group is not expanded, so its members get nothing.
 */
export function grantedBy(group: DirectoryEntry, directory: Directory): Verdict<string[]> {
  const granted = group
    .texts('member')
    .filter((dn) => directory.get(dnKey(dn))?.isA('user'))
    .sort();
  return verdict(granted, ['POL-01', 'POL-04'], `${granted.length} direct user members of ${group.dn}`);
}

/** POL-05: grants add up over runs; removal from the group revokes nothing. */
export function policyHolders(runs: string[][]): Verdict<string[]> {
  const holders = [...new Set(runs.flat())].sort();
  return verdict(holders, ['POL-05'], 'the task only grants: every user granted once keeps the policy');
}

/** POL-04 over a tenant: users that reach a group only through nested groups (the task misses them). */
export function nestedOnlyMembers(group: DirectoryEntry, directory: Directory): Verdict<string[]> {
  const direct = new Set(group.texts('member').map(dnKey));
  const seen = new Set<string>([dnKey(group.dn)]);
  const queue = [...direct];
  const reached = new Map<string, string>();
  while (queue.length) {
    const key = queue.shift()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const entry = directory.get(key);
    if (entry?.isA('group')) queue.push(...entry.texts('member').map(dnKey));
    else if (entry?.isA('user')) reached.set(key, entry.dn);
  }
  const nested = [...reached]
    .filter(([key]) => !direct.has(key))
    .map(([, dn]) => dn)
    .sort();
  return verdict(nested, ['POL-04'], `${nested.length} users reach ${group.dn} only through nested groups`);
}
