import { Then, When } from '@cucumber/cucumber';
import { ASSIGN_TO_GROUP_PS1 } from '../../src/clients/ldap/assign-to-group';
import { runPolicyTask } from '../../src/clients/ldap/policy-task';
import { directoryOf, grantedBy, nestedOnlyMembers, policyFromGroup } from '../../src/model/pol';
import { dnKey } from '../../src/tenant/dn';
import { groupsOf } from '../../src/tenant/tenant';
import { TENANT_STEP_TIMEOUT_MS } from '../support/tenant-check';
import type { HarnessWorld } from '../support/world';

/** The notes' group, as the script's $strFilter names it. */
const POLICY_GROUP = 'CSLyncRecordingUsers';

/**
 * POL-01 over the tenant: the notes' script runs against the tenant's on-premises forest (as its
 * Administrator, so the service account need not exist there) and grants over LDAP; the model decides
 * from the tenant data, for every user the group reaches: direct members get RecordingAllowed, users
 * reached only through a nested group get nothing (POL-04).
 */
When(
  "the scheduled task runs the script against the tenant's on-premises forest",
  { timeout: TENANT_STEP_TIMEOUT_MS },
  async function (this: HarnessWorld) {
    if (!this.tenantSpace.hasForest('onpremises')) return;
    const dcs = await this.tenantSpace.directories('onpremises');
    const { forest } = dcs[0].dc;
    const group = groupsOf(forest).find(
      (g) => g.first('sAMAccountName')?.toLowerCase() === POLICY_GROUP.toLowerCase(),
    );
    const runs = await Promise.all(dcs.map(({ dc }) => runPolicyTask(dc.admin, ASSIGN_TO_GROUP_PS1, true)));
    if (!group) return;
    const directory = directoryOf(forest.entries);
    const reached = [...grantedBy(group, directory).value, ...nestedOnlyMembers(group, directory).value];
    const granted = runs.map((run) => new Set(run.granted.map(dnKey)));
    // Anyone the task granted beyond them (on any DC) is checked too: the model says they get nothing.
    const known = new Set(reached.map(dnKey));
    const extra = [
      ...new Map(
        runs.flatMap((run) => run.granted.filter((dn) => !known.has(dnKey(dn))).map((dn) => [dnKey(dn), dn])),
      ).values(),
    ];
    await this.checkTenant<string, 'RecordingAllowed' | null>({
      rule: 'POL-01',
      claim: `the task grants RecordingAllowed to exactly the direct user members of ${POLICY_GROUP}`,
      objects: [...reached, ...extra].map((dn) => ({ dn, forest: forest.domain, item: dn })),
      decide: (dn) => policyFromGroup(dn, group, directory),
      finding: (v, { dn }) =>
        known.has(dnKey(dn))
          ? { holds: v.value !== null, severity: 'warning', message: v.reason }
          : undefined,
      wire: dcs.map(({ witness }, i) => ({
        witness,
        observe: async ({ dn }) => (granted[i].has(dnKey(dn)) ? 'RecordingAllowed' : null),
        detail: { run: { fired: runs[i].fired, granted: runs[i].granted.length, reason: runs[i].reason } },
      })),
    });
  },
);

Then(
  'each user the group reaches is reported with the policy the task gives them',
  async function (this: HarnessWorld) {
    await this.reportTenantCheck('POL-01');
  },
);
