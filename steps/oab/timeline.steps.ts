import { Given, Then, When } from '@cucumber/cucumber';
import { ExchangeAdmin } from '../../src/harness/service-admin';
import {
  outlookChecksAt,
  outlookDownloadsOab,
  searchableBy,
  timelineStep,
} from '../../src/model/oab-timeline';
import { weekTime, weekTimeText } from '../../src/model/week-time';
import { clientContext } from '../exchange/client-context';
import { exchangeContext, SEED_TIMEOUT_MS } from '../exchange/exchange-context';
import type { HarnessWorld } from '../support/world';
import { newExternalContact, oabContext, predicted, useProfile, WEEK_TIME } from './oab-context';

const at = (pattern: string) => new RegExp(`^${pattern.replace('<T>', WEEK_TIME)}$`);

Given(
  'the OAB schedule profile {string}',
  { timeout: SEED_TIMEOUT_MS },
  async function (this: HarnessWorld, profile: string) {
    await exchangeContext(this).ready();
    await useProfile(this, profile);
  },
);

Given(
  'the OAB schedule profile of this run',
  { timeout: SEED_TIMEOUT_MS },
  async function (this: HarnessWorld) {
    await exchangeContext(this).ready();
    await useProfile(this, this.setting('oabProfile', 'exchange2010'));
  },
);

/** Outlook downloads now (at start-up, or by hand: Send/Receive > Download Address Book). */
async function downloadAt(w: HarnessWorld, when: number) {
  const s = clientContext(w);
  await s.ctx.advanceTo(when);
  const check = await s.outlook!.checkOab(when);
  s.ctx.afterCheck(s.outlook!, when);
  const manifests = await s.ctx.exchange.admin.journal({
    operation: 'oab.manifest',
    correlationId: w.scenario.id,
  });
  await w.verify({
    rule: 'OAB-04',
    claim: `Outlook downloads the Offline Address Book at ${weekTimeText(when)}`,
    expected: true,
    model: outlookDownloadsOab(),
    observations: [
      { witness: 'client:outlook', value: check.outcome !== 'failed', detail: check },
      { witness: 'exchange', value: manifests.some((m) => Date.parse(m.at) === when) },
    ],
  });
  s.setup.oabDownloaded = true;
  oabContext(w).lastDownload = when;
}

Given(
  at('Outlook downloads the Offline Address Book at <T>'),
  async function (this: HarnessWorld, t: string) {
    await downloadAt(this, weekTime(t));
  },
);

When(
  at('the user forces an Offline Address Book download at <T>'),
  async function (this: HarnessWorld, t: string) {
    await downloadAt(this, weekTime(t));
  },
);

When(
  at('the external contact "([^"]*)" is created at <T>(?:, just after the OAB generation)?'),
  async function (this: HarnessWorld, name: string, t: string) {
    const s = clientContext(this);
    const o = oabContext(this);
    await s.ctx.advanceTo(weekTime(t));
    const contact = newExternalContact(name);
    await new ExchangeAdmin(s.ctx.exchange.admin).upsertRecipients([contact.toJSON()]);
    o.changedAt = weekTime(t);
    o.changedName = name;
    s.ctx.afterCheck = (outlook, when) => {
      if (o.firstSeenLocally === undefined && outlook.localRecords().some((r) => r.displayName === name))
        o.firstSeenLocally = when;
    };
  },
);

Then(
  at('Exchange generates the OAB with "([^"]*)" at <T>'),
  async function (this: HarnessWorld, _name: string, t: string) {
    const s = clientContext(this);
    await s.ctx.advanceTo(weekTime(t));
    const model = predicted(this);
    const generations = await s.ctx.exchange.admin.journal({
      operation: 'oab.generate',
      correlationId: this.scenario.id,
    });
    const after = generations.find(
      (g) => Date.parse(String(g.request.scheduledAt)) > oabContext(this).changedAt!,
    );
    await this.verify({
      rule: 'OAB-02',
      claim: 'the first OAB generation after the change',
      expected: t,
      model: timelineStep(model, 'generatedAt'),
      observations: [
        {
          witness: 'exchange',
          value: after ? weekTimeText(Date.parse(String(after.request.scheduledAt))) : 'none',
          detail: after,
        },
      ],
    });
  },
);

Then(at('the OAB virtual directory is updated at <T>'), async function (this: HarnessWorld, t: string) {
  const s = clientContext(this);
  await s.ctx.advanceTo(weekTime(t));
  const model = predicted(this);
  const copies = await s.ctx.exchange.admin.journal({
    operation: 'oab.distribute',
    correlationId: this.scenario.id,
  });
  const copy = copies.find(
    (c) => c.outcome.copied && Date.parse(String(c.request.scheduledAt)) > model.value.generatedAt - 1,
  );
  await this.verify({
    rule: 'OAB-03',
    claim: 'the generation with the change reaches the OAB virtual directory',
    expected: t,
    model: timelineStep(model, 'distributedAt'),
    observations: [
      {
        witness: 'exchange',
        value: copy ? weekTimeText(Date.parse(String(copy.request.scheduledAt))) : 'none',
        detail: copy,
      },
    ],
  });
});

Then(
  at('at <T> Outlook checks for a new OAB and Lync (still does not find|finds) "([^"]*)"'),
  async function (this: HarnessWorld, t: string, verb: string, name: string) {
    const s = clientContext(this);
    const when = weekTime(t);
    await s.ctx.advanceTo(when);
    const model = predicted(this);
    const manifests = await s.ctx.exchange.admin.journal({
      operation: 'oab.manifest',
      correlationId: this.scenario.id,
    });
    await this.verify({
      rule: 'OAB-04',
      claim: `Outlook checks for a new OAB at ${t}`,
      expected: true,
      model: outlookChecksAt(oabContext(this).profile, oabContext(this).lastDownload!, when),
      observations: [
        {
          witness: 'client:outlook',
          value: s.outlook!.checks.some((c) => c.at === when),
          detail: s.outlook!.checks,
        },
        {
          witness: 'exchange',
          value: manifests.some((m) => Date.parse(m.at) === when),
          detail: manifests.map((m) => m.at),
        },
      ],
    });
    const outcome = await s.search(name.split(' ')[0]);
    await this.verify({
      rule: 'OAB-01',
      claim: `${name} is searchable only after the download that brings the change`,
      expected: verb === 'finds',
      model: searchableBy(model, when),
      observations: [
        { witness: 'client:lync-windows', value: outcome.names.includes(name), detail: outcome },
      ],
    });
  },
);
