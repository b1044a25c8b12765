import { Then, When } from '@cucumber/cucumber';
import { oabFilesAfterDownload, searchableAt } from '../../src/model/oab';
import {
  distributionPollsUntil,
  forcedDownload,
  generationReachesDirectory,
  generationsUntil,
  outlookChecksUntil,
} from '../../src/model/oab-timeline';
import { weekTime, weekTimeText } from '../../src/model/week-time';
import { clientContext } from '../exchange/client-context';
import type { HarnessWorld } from '../support/world';
import { oabContext, WEEK_TIME } from './oab-context';

const at = (pattern: string) => new RegExp(`^${pattern.replace('<T>', WEEK_TIME)}$`);
const START = weekTime('Monday 00:00');
const times = (list: string) => list.split(/,\s*|\s+and\s+/).map((t) => weekTime(t));

When(at('the clock runs to <T>'), async function (this: HarnessWorld, t: string) {
  await clientContext(this).ctx.advanceTo(weekTime(t));
});

async function scheduled(w: HarnessWorld, operation: string): Promise<string[]> {
  const entries = await clientContext(w).ctx.exchange.admin.journal({
    operation,
    correlationId: w.scenario.id,
  });
  return entries.map((e) => weekTimeText(Date.parse(String(e.request.scheduledAt))));
}

Then(/^Exchange generated the OAB at (.+)$/, async function (this: HarnessWorld, list: string) {
  const now = await clientContext(this).ctx.now();
  await this.verify({
    rule: 'OAB-02',
    claim: `OAB generations under the ${oabContext(this).profile.name} schedule`,
    expected: times(list).map(weekTimeText),
    model: generationsUntil(oabContext(this).profile, START, now),
    observations: [{ witness: 'exchange', value: await scheduled(this, 'oab.generate') }],
  });
});

Then(
  /^the OAB virtual directory polled for a new OAB at (.+)$/,
  async function (this: HarnessWorld, list: string) {
    const profile = oabContext(this).profile;
    const now = await clientContext(this).ctx.now();
    await this.verify({
      rule: 'OAB-03',
      claim: `distribution polls every ${profile.distributionIntervalMinutes} minutes`,
      expected: times(list).map(weekTimeText),
      model: distributionPollsUntil(profile, START, now),
      observations: [{ witness: 'exchange', value: await scheduled(this, 'oab.distribute') }],
    });
  },
);

Then(
  at('the OAB generated at <T> reached the virtual directory at (.+)'),
  async function (this: HarnessWorld, g: string, d: string) {
    const entries = await clientContext(this).ctx.exchange.admin.journal({ correlationId: this.scenario.id });
    const generation = entries.find(
      (e) => e.operation === 'oab.generate' && Date.parse(String(e.request.scheduledAt)) === weekTime(g),
    );
    const copy = entries.find(
      (e) =>
        e.operation === 'oab.distribute' &&
        e.outcome.copied &&
        e.outcome.sequence === generation?.outcome.sequence,
    );
    await this.verify({
      rule: 'OAB-03',
      claim: `the ${g} generation is served from the virtual directory`,
      expected: d,
      model: generationReachesDirectory(oabContext(this).profile, weekTime(g)),
      observations: [
        {
          witness: 'exchange',
          value: copy ? weekTimeText(Date.parse(String(copy.request.scheduledAt))) : 'never',
          detail: { generation, copy },
        },
      ],
    });
  },
);

Then(/^Outlook checked for a new OAB at (.+)$/, async function (this: HarnessWorld, list: string) {
  const s = clientContext(this);
  const o = oabContext(this);
  const now = await s.ctx.now();
  const manifests = await s.ctx.exchange.admin.journal({
    operation: 'oab.manifest',
    correlationId: this.scenario.id,
  });
  await this.verify({
    rule: 'OAB-04',
    claim: `Outlook checks every ${o.profile.downloadIntervalHours} hours`,
    expected: times(list).map(weekTimeText),
    model: outlookChecksUntil(o.profile, o.lastDownload!, now),
    observations: [
      { witness: 'client:outlook', value: s.outlook!.checks.map((c) => weekTimeText(c.at)) },
      { witness: 'exchange', value: manifests.map((m) => weekTimeText(Date.parse(m.at))) },
    ],
  });
});

Then(
  at('the Offline Address Books folder holds .oab files stamped <T>'),
  async function (this: HarnessWorld, t: string) {
    const files = clientContext(this).outlook!.oabFiles();
    const newest = files.map((f) => Date.parse(f.modified)).sort((a, b) => b - a)[0];
    const model = oabFilesAfterDownload(weekTime(t));
    await this.verify({
      rule: 'OAB-06',
      claim: 'a download leaves .oab files stamped with its time',
      expected: { files: true, stamped: new Date(weekTime(t)).toISOString() },
      model,
      observations: [
        {
          witness: 'client:outlook',
          value: { files: files.length > 0, stamped: newest ? new Date(newest).toISOString() : '' },
          detail: files,
        },
      ],
    });
  },
);

Then(
  at('Lync finds "([^"]*)" at <T>, before the scheduled download at (.+)'),
  async function (this: HarnessWorld, name: string, t: string, scheduledText: string) {
    const s = clientContext(this);
    const o = oabContext(this);
    const when = weekTime(t);
    const outcome = await s.search(name.split(' ')[0]);
    // The schedule as it was before the forced download: 24 hours after the download before it.
    const plan = searchableAt(
      o.profile,
      o.changedAt!,
      o.lastDownload! === when ? previousDownload(s.outlook!.checks, when) : o.lastDownload!,
    );
    await this.verify({
      rule: 'OAB-06',
      claim: `a forced download at ${t} brings ${name} before ${scheduledText}`,
      expected: { found: true, scheduled: scheduledText },
      model: forcedDownload(plan, when),
      observations: [
        {
          witness: 'client:lync-windows',
          value: {
            found: outcome.names.includes(name),
            scheduled: weekTimeText(previousDownload(s.outlook!.checks, when) + 24 * 3_600_000),
          },
          detail: { outcome, outlookChecks: s.outlook!.checks },
        },
      ],
    });
  },
);

function previousDownload(checks: Array<{ at: number; outcome: string }>, before: number): number {
  return checks.filter((c) => c.at < before && c.outcome !== 'failed').at(-1)?.at ?? before;
}
