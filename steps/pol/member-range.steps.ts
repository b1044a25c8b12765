import { Given, Then, When } from '@cucumber/cucumber';
import { Attribute, Change } from 'ldapts';
import { parseScript } from '../../src/clients/ldap/assign-to-group';
import { withLdap } from '../../src/clients/ldap/ldap-client';
import type { PolicyTaskRun } from '../../src/clients/ldap/policy-task';
import { type MemberRead, memberAttributeName, memberReadByScript } from '../../src/model/pol-range';
import { dnKey } from '../../src/tenant/dn';
import { DirectoryEntry } from '../../src/tenant/entry';
import { groupsOf } from '../../src/tenant/tenant';
import { TENANT_STEP_TIMEOUT_MS } from '../support/tenant-check';
import type { HarnessWorld } from '../support/world';
import { lastRun, named, perDc, pol, prepared } from './pol-context';

/**
 * POL-07: CSLyncRecordingUsers grows to `count` direct user members: new users are added to ABC's DC
 * over LDAP as the Administrator (undone at the next reset) and made members, and the model's copy of
 * the directory gains them too.
 */
Given(
  /^CSLyncRecordingUsers has ([\d,]+) direct members$/,
  async function (this: HarnessWorld, written: string) {
    const count = Number(written.replace(/,/g, ''));
    const ctx = await prepared(this);
    const group = named(ctx, 'CSLyncRecordingUsers');
    const existing = group.texts('member');
    const { forest } = ctx.dcs[0].dc;
    const base = forest.baseDn;
    const added: DirectoryEntry[] = [];
    for (let i = existing.length; i < count; i++) {
      const sam = `rec${String(i).padStart(5, '0')}`;
      added.push(
        new DirectoryEntry(`CN=Recording User ${i},OU=Users,${base}`, {
          objectClass: ['top', 'person', 'organizationalPerson', 'user'],
          cn: `Recording User ${i}`,
          sAMAccountName: sam,
          userPrincipalName: `${sam}@${forest.domain}`,
        }),
      );
    }
    for (const { dc } of ctx.dcs)
      await withLdap(dc.admin, async (client) => {
        for (const user of added) {
          const attributes: Record<string, string[]> = {};
          for (const name of user.names()) attributes[name] = user.texts(name);
          await client.add(user.dn, attributes);
        }
        for (let at = 0; at < added.length; at += 500) {
          const values = added.slice(at, at + 500).map((u) => u.dn);
          const modification = new Attribute({ type: 'member', values });
          await client.modify(group.dn, [new Change({ operation: 'add', modification })]);
        }
      });
    for (const user of added) ctx.directory.set(dnKey(user.dn), user);
    ctx.directory.set(dnKey(group.dn), group.clone().set('member', [...existing, ...added.map((u) => u.dn)]));
  },
);

Then(
  "the domain controller answers the group's members as {word}",
  async function (this: HarnessWorld, name: string) {
    const ctx = pol(this);
    lastRun(ctx);
    const returnedOf = (run: PolicyTaskRun) =>
      run.returned?.find((a) => a.toLowerCase().startsWith('member')) ?? '(none)';
    await this.verify({
      rule: 'POL-07',
      claim: `asked for member without a range, AD names the attribute ${name}`,
      expected: name,
      model: memberAttributeName(named(ctx, 'CSLyncRecordingUsers')),
      observations: await perDc(
        ctx,
        (d) => returnedOf(d.runs.at(-1)!),
        (d) => ({ returned: d.runs.at(-1)!.returned, reason: d.runs.at(-1)!.reason }),
      ),
    });
  },
);

/**
 * POL-07 over the tenant: every group the policy task reads (the script's $strFilter in the tenant's
 * on-premises forest) is judged against MaxValRange; the DC is asked for its member attribute as the
 * script asks (no range) and the name each DC answers with is its witness.
 */
When(
  'every group the policy task reads is checked against MaxValRange',
  { timeout: TENANT_STEP_TIMEOUT_MS },
  async function (this: HarnessWorld) {
    if (!this.tenantSpace.hasForest('onpremises')) return;
    const dcs = await this.tenantSpace.directories('onpremises');
    const { forest } = dcs[0].dc;
    const filter = parseScript(pol(this).script)?.filter ?? '';
    const wanted = /SamAccountName=([^)]+)\)/i.exec(filter)?.[1]?.toLowerCase();
    const groups = groupsOf(forest).filter((g) => g.first('sAMAccountName')?.toLowerCase() === wanted);
    await this.checkTenant<DirectoryEntry, MemberRead>({
      rule: 'POL-07',
      claim: 'every group the policy task reads has at most 1,500 members, so the script reads them all',
      objects: groups.map((g) => ({ dn: g.dn, forest: forest.domain, item: g })),
      decide: (group) => memberReadByScript(group),
      finding: (v) => ({
        holds: v.value === 'read whole',
        severity: v.value === 'read whole' ? 'info' : 'blocking',
        message: v.reason,
      }),
      wire: dcs.map(({ witness, dc }) => ({
        witness,
        observe: ({ dn }) =>
          withLdap(dc.admin, async (client) => {
            const { searchEntries } = await client.search(dn, { scope: 'base', attributes: ['member'] });
            const names = Object.keys(searchEntries[0] ?? {});
            return names.some((n) => /^member;range=/i.test(n)) ? 'over MaxValRange' : 'read whole';
          }),
      })),
    });
  },
);

Then('each policy group past MaxValRange is reported as a finding', async function (this: HarnessWorld) {
  await this.reportTenantCheck('POL-07');
});
