import { dnKey } from '../tenant/dn';
import type { DirectoryEntry } from '../tenant/entry';
import { mechanism } from './mechanism';
import { type ImportQuotes, importModuleQuotes } from './pol-import-module';
import { memberReadByScript } from './pol-range';
import { type TaskActionSetup, taskActionRunsScript } from './pol-task-action';
import { type Verdict, verdict } from './verdict';

export interface TaskSetup {
  logOnAsService: boolean;
  /** The service account is (directly or through nesting) a member of RTCUniversalServerAdmins. */
  lyncServerAdmin: boolean;
  script: string;
  /** The task's action (the notes': powershell.exe with the script's path); absent: the notes' action. */
  action?: TaskActionSetup;
}

/** POL-02, POL-03, POL-06: whether a run of the scheduled task assigns anything at all. */
export function taskAssigns(setup: TaskSetup): Verdict<boolean> {
  if (!setup.logOnAsService)
    return verdict(
      taskAssigns,
      false,
      ['POL-02'],
      'the service account lacks the "Log on as a service" right',
    );
  if (setup.action && !taskActionRunsScript(setup.action).value)
    return verdict(taskAssigns, false, ['POL-06'], taskActionRunsScript(setup.action).reason);
  if (!quotesLetTaskFire(importModuleQuotes(setup.script).value))
    return verdict(taskAssigns, false, ['POL-03'], 'the import-module path is not in plain single quotes');
  if (!setup.lyncServerAdmin)
    return verdict(taskAssigns, false, ['POL-02'], 'the service account is not in RTCUniversalServerAdmins');
  if (!mechanism().pol.lyncAdminsMayWriteUsers)
    return verdict(
      taskAssigns,
      false,
      ['POL-02'],
      "Lync's domain preparation never gave RTCUniversalServerAdmins write access to users",
    );
  return verdict(taskAssigns, true, ['POL-01', 'POL-02'], 'the task runs and may grant');
}

/** Objects by DN, whatever the spelling (`dnKey`): what `member` values are looked up in. */
export type Directory = Map<string, DirectoryEntry>;

export function directoryOf(entries: Iterable<DirectoryEntry>): Directory {
  const directory: Directory = new Map();
  for (const entry of entries) directory.set(dnKey(entry.dn), entry);
  return directory;
}

/**
 * POL-01, POL-04, POL-07: who one run grants the policy to: the direct `member` values of the group
 * that are users. A nested group is not expanded, so its members get nothing; a group past MaxValRange
 * comes back ranged, so nobody gets anything.
 */
export function grantedBy(group: DirectoryEntry, directory: Directory): Verdict<string[]> {
  const read = memberReadByScript(group);
  if (read.value === 'over MaxValRange') return verdict(grantedBy, [], ['POL-07'], read.reason);
  const direct = group.texts('member').filter((dn) => directory.get(dnKey(dn))?.isA('user'));
  const granted = mechanism().pol.scriptReadsDirectMembersOnly
    ? direct.sort()
    : [...direct, ...reachedOnlyThroughNesting(group, directory)].sort();
  return verdict(
    grantedBy,
    granted,
    ['POL-01', 'POL-04'],
    `${granted.length} direct user members of ${group.dn}`,
  );
}

/** POL-05: grants add up over runs; removal from the group revokes nothing. */
export function policyHolders(runs: string[][]): Verdict<string[]> {
  if (!mechanism().pol.taskOnlyGrants)
    return verdict(
      policyHolders,
      [...(runs.at(-1) ?? [])].sort(),
      ['POL-05'],
      'the script revokes from users who left the group: the last run decides',
    );
  const holders = [...new Set(runs.flat())].sort();
  return verdict(
    policyHolders,
    holders,
    ['POL-05'],
    'the task only grants: every user granted once keeps the policy',
  );
}

/** Users that reach `group` only through nested groups, by DN (the group graph, cycles allowed). */
function reachedOnlyThroughNesting(group: DirectoryEntry, directory: Directory): string[] {
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
  return [...reached]
    .filter(([key]) => !direct.has(key))
    .map(([, dn]) => dn)
    .sort();
}

/** POL-04 over a tenant: users that reach a group only through nested groups (the task misses them). */
export function nestedOnlyMembers(group: DirectoryEntry, directory: Directory): Verdict<string[]> {
  if (!mechanism().pol.scriptReadsDirectMembersOnly)
    return verdict(nestedOnlyMembers, [], ['POL-04'], 'the script expands nested groups: it misses no one');
  const nested = reachedOnlyThroughNesting(group, directory);
  return verdict(
    nestedOnlyMembers,
    nested,
    ['POL-04'],
    `${nested.length} users reach ${group.dn} only through nested groups`,
  );
}

/**
 * POL-03: the quotes around the module path with which the task fires: plain single quotes only (the
 * notes), or any quotes where PowerShell reads typographic and double ones alike (a selftest fact).
 */
function quotesLetTaskFire(quotes: ImportQuotes): boolean {
  return quotes === 'single' || (!mechanism().pol.onlyPlainSingleQuotesFire && quotes !== 'none');
}

/** POL-03: the scheduled task fires only when the import-module path is in plain single quotes. */
export function scriptFires(script: string): Verdict<boolean> {
  const quotes = importModuleQuotes(script);
  const fires = quotesLetTaskFire(quotes.value);
  const reason =
    fires && quotes.value !== 'single'
      ? `${quotes.value} quotes read as quotes: the task fires`
      : quotes.reason;
  return verdict(scriptFires, fires, quotes.rules, reason);
}

/** POL-05: the conferencing policy each user holds after the task's runs (null: none, Automatic). */
export function policiesAfterRuns(
  runs: string[][],
  dns: string[],
): Verdict<Array<'RecordingAllowed' | null>> {
  const holders = policyHolders(runs);
  const held = new Set(holders.value.map(dnKey));
  return verdict(
    policiesAfterRuns,
    dns.map((dn) => (held.has(dnKey(dn)) ? 'RecordingAllowed' : null)),
    holders.rules,
    holders.reason,
  );
}

/**
 * POL-01, POL-04 for one user the group reaches: a direct user member gets RecordingAllowed; a user
 * reached only through a nested group gets nothing.
 */
export function policyFromGroup(
  userDn: string,
  group: DirectoryEntry,
  directory: Directory,
): Verdict<'RecordingAllowed' | null> {
  const direct = grantedBy(group, directory).value.some((dn) => dnKey(dn) === dnKey(userDn));
  const nested = nestedOnlyMembers(group, directory).value.some((dn) => dnKey(dn) === dnKey(userDn));
  const name = group.first('sAMAccountName') ?? group.dn;
  const read = memberReadByScript(group);
  if (read.value === 'over MaxValRange') return verdict(policyFromGroup, null, ['POL-07'], read.reason);
  if (direct)
    return verdict(
      policyFromGroup,
      'RecordingAllowed',
      ['POL-01'],
      `a direct member of ${name}: the task grants RecordingAllowed`,
    );
  return nested
    ? verdict(
        policyFromGroup,
        null,
        ['POL-04'],
        `reaches ${name} only through a nested group: the task grants nothing (POL-04)`,
      )
    : verdict(policyFromGroup, null, ['POL-01'], `not a member of ${name}: the task grants nothing`);
}
