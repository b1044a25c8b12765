import { Attribute, Change } from 'ldapts';
import { parseScript } from './assign-to-group';
import { type LdapSource, readEntry, withLdap } from './ldap-client';
import { startAction, type TaskAction } from './task-scheduler';

/** The notes' action: powershell.exe with the location of the script, saved where its Syntax line says. */
export const NOTES_ACTION: TaskAction & { scriptPath: string } = {
  program: 'powershell.exe',
  arguments: 'C:\\Scripts\\Assign-ToGroup.ps1',
  scriptPath: 'C:\\Scripts\\Assign-ToGroup.ps1',
};

/** Where Lync keeps a user's policy grants in this harness: `ConferencingPolicy=<name>` on the user. */
export const POLICY_ATTRIBUTE = 'msRTCSIP-UserPolicies';

export interface PolicyTaskRun {
  /** Whether Task Scheduler started the script at all. */
  fired: boolean;
  reason: string;
  /** Users granted the policy in this run (DNs). */
  granted: string[];
  /** Grants that failed: a non-user identity, or the DC refused the write. */
  failed: Array<{ identity: string; message: string }>;
  /** The attribute names the group came back with (AD ranges `member` past MaxValRange). */
  returned?: string[];
}

/**
 * The notes' scheduled task: Task Scheduler starts powershell.exe with Assign-ToGroup.ps1 as the service
 * account; the script's DirectorySearcher query runs over LDAP (subtree, PropertiesToLoad member, no
 * paging) and Grant-CsConferencingPolicy writes each member's grant. It never revokes anything.
 */
export async function runPolicyTask(
  account: LdapSource,
  script: string,
  logOnAsService: boolean,
  action: TaskAction & { scriptPath: string } = NOTES_ACTION,
): Promise<PolicyTaskRun> {
  const run: PolicyTaskRun = { fired: false, reason: '', granted: [], failed: [] };
  if (!logOnAsService)
    return { ...run, reason: 'Task Scheduler: the account lacks the "Log on as a service" right' };
  const started = startAction(action, action.scriptPath);
  if (!started.scriptRan) return { ...run, reason: `Task Scheduler: ${started.reason}` };
  const parsed = parseScript(script);
  if (!parsed) return { ...run, reason: 'the script has no import-module, $strFilter or Grant line' };
  if (parsed.importQuotes !== "''")
    return {
      ...run,
      reason: `Task Scheduler: the import-module path is quoted with ${parsed.importQuotes}; the task does not fire`,
    };
  run.fired = true;
  await withLdap(account, async (client) => {
    const { searchEntries } = await client.search(account.baseDn, {
      scope: parsed.scope.toLowerCase() === 'subtree' ? 'sub' : 'one',
      filter: parsed.filter,
      attributes: [parsed.property],
    });
    run.returned = searchEntries.flatMap((e) => Object.keys(e).filter((k) => k !== 'dn'));
    // $objItem.member: the property of exactly that name; a ranged `member;range=0-1499` is another one.
    const members = searchEntries.flatMap((e) => {
      const v = e[parsed.property];
      return Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];
    });
    for (const identity of members) {
      const target = await readEntry(client, identity, ['objectClass', 'msRTCSIP-PrimaryUserAddress']);
      if (!target?.isA('user')) {
        run.failed.push({ identity, message: `Management object not found for identity "${identity}"` });
        continue;
      }
      try {
        const grant = new Attribute({
          type: POLICY_ATTRIBUTE,
          values: [`ConferencingPolicy=${parsed.policy}`],
        });
        await client.modify(identity, [new Change({ operation: 'replace', modification: grant })]);
        run.granted.push(target.dn);
      } catch (error) {
        run.failed.push({ identity, message: (error as Error).message });
      }
    }
  });
  run.reason = `${run.granted.length} granted, ${run.failed.length} failed`;
  return run;
}

/** A Get-CsUser-like read: the conferencing policy granted to a user, or undefined (Automatic). */
export async function conferencingPolicyOf(reader: LdapSource, userDn: string): Promise<string | undefined> {
  return withLdap(reader, async (client) => {
    const user = await readEntry(client, userDn, [POLICY_ATTRIBUTE]);
    const value = user?.texts(POLICY_ATTRIBUTE).find((v) => v.startsWith('ConferencingPolicy='));
    return value?.slice('ConferencingPolicy='.length);
  });
}
