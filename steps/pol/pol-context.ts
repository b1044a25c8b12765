import { Attribute, Change } from 'ldapts';
import { ASSIGN_TO_GROUP_PS1 } from '../../src/clients/ldap/assign-to-group';
import { withLdap } from '../../src/clients/ldap/ldap-client';
import { NOTES_ACTION, type PolicyTaskRun, runPolicyTask } from '../../src/clients/ldap/policy-task';
import type { DirectoryWitness } from '../../src/harness/data-space';
import type { SeededDirectory } from '../../src/harness/directory';
import { type Directory, grantedBy, taskAssigns } from '../../src/model/pol';
import { dnKey } from '../../src/tenant/dn';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { Observation } from '../support/verify';
import type { HarnessWorld } from '../support/world';

/** The notes' objects: the group, its nested group, the members, the service account and its admin group. */
const FIXTURES = [
  'Anna Berg',
  'Ivan Novak',
  'Mia Stone',
  'Recording Team Leads',
  'CSLyncRecordingUsers',
  'svc-lyncpolicy',
  'RTCUniversalServerAdmins',
];

export class PolContext {
  logOnAsService = true;
  lyncServerAdmin = true;
  script = ASSIGN_TO_GROUP_PS1;
  /** The task's action and where the script is saved (POL-06). */
  action = { ...NOTES_ACTION };
  /** ABC's domain controllers (the mock DC; Samba's beside it with --ldap samba) and the task's runs against each. */
  dcs: PolDirectory[] = [];
  /** The fixtures as the model sees them (changed as the scenario changes the directory). */
  directory: Directory = new Map();
  modelRuns: string[][] = [];
}

/** One of ABC's domain controllers and the scheduled task's runs against it. */
export interface PolDirectory {
  witness: DirectoryWitness['witness'];
  dc: SeededDirectory;
  runs: PolicyTaskRun[];
}

/** One observation per domain controller the scenario ran against. */
export function perDc<T>(
  ctx: PolContext,
  value: (d: PolDirectory) => T | Promise<T>,
  detail?: (d: PolDirectory) => unknown,
): Promise<Array<Observation<T>>> {
  return Promise.all(
    ctx.dcs.map(async (d) => ({
      witness: d.witness,
      value: await value(d),
      ...(detail ? { detail: detail(d) } : {}),
    })),
  );
}

/** The task's last run against the mock DC (what the task action did is the same against any DC). */
export function lastRun(ctx: PolContext): PolicyTaskRun {
  const run = ctx.dcs[0]?.runs.at(-1);
  if (!run) throw new Error('[pol] the task has not run yet');
  return run;
}

export const pol = (w: HarnessWorld) => w.area('pol', () => new PolContext());

export async function prepared(world: HarnessWorld): Promise<PolContext> {
  const ctx = pol(world);
  if (!ctx.dcs.length) {
    ctx.dcs = (await world.fixtures.directories('onpremises')).map((w) => ({ ...w, runs: [] }));
    for (const name of FIXTURES) {
      const entry = ctx.dcs[0].dc.forest.entries.find(
        (e) => e.first('cn')?.toLowerCase() === name.toLowerCase(),
      );
      if (!entry) throw new Error(`[pol] the fixtures' on-premises forest has no object named "${name}"`);
      ctx.directory.set(dnKey(entry.dn), entry);
    }
  }
  return ctx;
}

export function named(ctx: PolContext, cn: string): DirectoryEntry {
  const found = [...ctx.directory.values()].find((e) => e.first('cn')?.toLowerCase() === cn.toLowerCase());
  if (!found) throw new Error(`[pol] no fixture named "${cn}"`);
  return found;
}

/** Removes a member from a group in the directory (over LDAP, as the Administrator) and in the model. */
export async function removeMember(world: HarnessWorld, memberCn: string, groupCn: string): Promise<void> {
  const ctx = await prepared(world);
  const group = named(ctx, groupCn);
  const member = named(ctx, memberCn);
  for (const { dc } of ctx.dcs)
    await withLdap(dc.admin, (c) =>
      c.modify(group.dn, [
        new Change({
          operation: 'delete',
          modification: new Attribute({ type: 'member', values: [member.dn] }),
        }),
      ]),
    );
  const kept = group.texts('member').filter((m) => dnKey(m) !== dnKey(member.dn));
  ctx.directory.set(dnKey(group.dn), group.clone().set('member', kept));
  if (groupCn === 'RTCUniversalServerAdmins' && memberCn === 'svc-lyncpolicy') ctx.lyncServerAdmin = false;
}

/** One scheduled run: over LDAP as svc-lyncpolicy against each domain controller, and in the model. */
export async function runTask(world: HarnessWorld): Promise<void> {
  const ctx = await prepared(world);
  for (const { dc, runs } of ctx.dcs) {
    const account = dc.as(`${dc.forest.netbios}\\svc-lyncpolicy`);
    runs.push(await runPolicyTask(account, ctx.script, ctx.logOnAsService, ctx.action));
  }
  const assigns = taskAssigns({
    logOnAsService: ctx.logOnAsService,
    lyncServerAdmin: ctx.lyncServerAdmin,
    script: ctx.script,
    action: ctx.action,
  });
  ctx.modelRuns.push(assigns.value ? grantedBy(named(ctx, 'CSLyncRecordingUsers'), ctx.directory).value : []);
}
