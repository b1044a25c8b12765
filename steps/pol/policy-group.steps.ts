import { Then, When } from '@cucumber/cucumber';
import { ASSIGN_TO_GROUP_PS1 } from '../../src/clients/ldap/assign-to-group';
import { type PolicyTaskRun, runPolicyTask } from '../../src/clients/ldap/policy-task';
import { directoryOf, grantedBy, nestedOnlyMembers } from '../../src/model/pol';
import { dnKey } from '../../src/tenant/dn';
import { groupsOf } from '../../src/tenant/tenant';
import type { Finding } from '../support/findings';
import type { HarnessWorld } from '../support/world';

/** The notes' group, as the script's $strFilter names it. */
const POLICY_GROUP = 'CSLyncRecordingUsers';

interface PolicyGroupCheck {
  findings: Finding[];
  model: string[];
  run?: PolicyTaskRun;
}
const check = (w: HarnessWorld) => w.area<PolicyGroupCheck>('pol-group', () => ({ findings: [], model: [] }));

/**
 * POL-01 over the tenant: the notes' script runs against the tenant's on-premises forest (as its
 * Administrator, so the service account need not exist there) and grants over LDAP; the model reads
 * the group's direct user members from the tenant data. Every user the group reaches is reported:
 * direct members get RecordingAllowed, users reached only through a nested group get nothing (POL-04).
 */
When(
  "the scheduled task runs the script against the tenant's on-premises forest",
  async function (this: HarnessWorld) {
    if (!this.tenantSpace.hasForest('onpremises')) return;
    const dc = await this.tenantSpace.directory('onpremises');
    const c = check(this);
    const group = groupsOf(dc.forest).find(
      (g) => g.first('sAMAccountName')?.toLowerCase() === POLICY_GROUP.toLowerCase(),
    );
    c.run = await runPolicyTask(dc.admin, ASSIGN_TO_GROUP_PS1, true);
    if (!group) return;
    const directory = directoryOf(dc.forest.entries);
    const granted = grantedBy(group, directory);
    const nested = nestedOnlyMembers(group, directory);
    c.model = granted.value.map(dnKey).sort();
    const add = (dn: string, holds: boolean, message: string) =>
      c.findings.push({
        rule: 'POL-01',
        dn: directory.get(dnKey(dn))?.dn ?? dn,
        forest: dc.forest.domain,
        outcome: holds ? 'holds' : 'finding',
        ...(holds ? {} : { severity: 'warning' as const }),
        message,
        witnesses: ['model', 'ldap'],
      });
    for (const dn of granted.value)
      add(dn, true, `a direct member of ${POLICY_GROUP}: the task grants RecordingAllowed`);
    for (const dn of nested.value)
      add(dn, false, `reaches ${POLICY_GROUP} only through a nested group: the task grants nothing (POL-04)`);
  },
);

Then(
  'each user the group reaches is reported with the policy the task gives them',
  async function (this: HarnessWorld) {
    const c = check(this);
    await this.verify({
      rule: 'POL-01',
      claim: `the task grants RecordingAllowed to exactly the direct user members of ${POLICY_GROUP}`,
      expected: c.model,
      observations: [
        { witness: 'model', value: c.model },
        { witness: 'ldap', value: (c.run?.granted ?? []).map(dnKey).sort(), detail: c.run },
      ],
    });
    await this.reportFindings('POL-01', c.findings);
  },
);
