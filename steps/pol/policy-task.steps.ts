import { Given, Then, When } from '@cucumber/cucumber';
import { withImportQuotes } from '../../src/clients/ldap/assign-to-group';
import { conferencingPolicyOf } from '../../src/clients/ldap/policy-task';
import { policiesAfterRuns, scriptFires } from '../../src/model/pol';
import { taskActionRunsScript } from '../../src/model/pol-task-action';
import type { HarnessWorld } from '../support/world';
import { lastRun, named, perDc, pol, prepared, removeMember, runTask } from './pol-context';

const QUOTES: Record<string, [string, string]> = {
  'plain single quotes': ["'", "'"],
  'typographic single quotes': ['\u2018', '\u2019'],
  'double quotes': ['"', '"'],
  'typographic double quotes': ['\u201c', '\u201d'],
};

Given(
  'the service account {word} the "Log on as a service" right',
  function (this: HarnessWorld, has: string) {
    pol(this).logOnAsService = has === 'has';
  },
);

Given('the service account is not a member of RTCUniversalServerAdmins', function (this: HarnessWorld) {
  return removeMember(this, 'svc-lyncpolicy', 'RTCUniversalServerAdmins');
});

Given(
  "the script's import-module line quotes the module path with {}",
  function (this: HarnessWorld, quotes: string) {
    const [open, close] = QUOTES[quotes];
    const ctx = pol(this);
    ctx.script = withImportQuotes(ctx.script, open, close);
  },
);

Given(/^the script is saved as (.+)$/, function (this: HarnessWorld, path: string) {
  pol(this).action.scriptPath = path;
});

Given(
  /^the task's action starts (.+) with the arguments (.+)$/,
  function (this: HarnessWorld, program: string, args: string) {
    const ctx = pol(this);
    ctx.action = { ...ctx.action, program, arguments: args === 'nothing' ? '' : args };
  },
);

Then(/^the script (runs|does not run)$/, async function (this: HarnessWorld, runs: string) {
  const ctx = pol(this);
  const run = lastRun(ctx);
  await this.verify({
    rule: 'POL-06',
    claim: `Task Scheduler starts ${ctx.action.program} ${ctx.action.arguments}: the script ${runs}`,
    expected: runs === 'runs',
    model: taskActionRunsScript(ctx.action),
    observations: [{ witness: 'client:task-scheduler', value: run.fired, detail: run.reason }],
  });
});

When(/^the scheduled task runs the script(?: again)?$/, function (this: HarnessWorld) {
  return runTask(this);
});

When('{string} is removed from CSLyncRecordingUsers', function (this: HarnessWorld, cn: string) {
  return removeMember(this, cn, 'CSLyncRecordingUsers');
});

Then(
  '{string} has the conferencing policy {string}',
  function (this: HarnessWorld, cn: string, policy: string) {
    return comparePolicy(this, [cn], policy);
  },
);

Then('{string} has no conferencing policy', function (this: HarnessWorld, cn: string) {
  return comparePolicy(this, [cn], null);
});

Then('nobody in CSLyncRecordingUsers has a conferencing policy', function (this: HarnessWorld) {
  return comparePolicy(this, ['Anna Berg', 'Ivan Novak', 'Mia Stone'], null);
});

Then('the task {}', async function (this: HarnessWorld, fires: string) {
  const ctx = pol(this);
  lastRun(ctx);
  await this.verify({
    rule: 'POL-03',
    claim: `the scheduled task ${fires}`,
    expected: fires === 'fires',
    model: scriptFires(ctx.script),
    observations: await perDc(
      ctx,
      (d) => d.runs.at(-1)!.fired,
      (d) => d.runs.at(-1)!.reason,
    ),
  });
});

async function comparePolicy(world: HarnessWorld, people: string[], policy: string | null): Promise<void> {
  const ctx = await prepared(world);
  const users = people.map((cn) => named(ctx, cn));
  await world.verify({
    rule: ruleOf(world),
    claim: `${people.join(', ')}: conferencing policy ${policy ?? 'none (Automatic)'}`,
    expected: people.map(() => policy as 'RecordingAllowed' | null),
    model: policiesAfterRuns(
      ctx.modelRuns,
      users.map((u) => u.dn),
    ),
    observations: await perDc(
      ctx,
      ({ dc }) => Promise.all(users.map(async (u) => (await conferencingPolicyOf(dc.admin, u.dn)) ?? null)),
      (d) => d.runs.map((r) => r.reason),
    ),
  });
}

function ruleOf(world: HarnessWorld): string[] {
  const rules = world.scenario.tags.filter((t) => /^@POL-\d+$/.test(t)).map((t) => t.slice(1));
  return rules.length ? rules : ['POL-01'];
}
