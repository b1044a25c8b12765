import { Then } from '@cucumber/cucumber';
import { documentedWorstCaseHours, mechanismWorstCase } from '../../src/model/oab';
import {
  hoursToSearchable,
  searchableAroundDownload,
  searchableBy,
  searchableFrom,
} from '../../src/model/oab-timeline';
import { durationText, weekTime, weekTimeText } from '../../src/model/week-time';
import { clientContext } from '../exchange/client-context';
import type { HarnessWorld } from '../support/world';
import { oabContext, predicted, WEEK_TIME } from './oab-context';

const HOUR = 3_600_000;
const at = (pattern: string) => new RegExp(`^${pattern.replace('<T>', WEEK_TIME)}$`);

Then(
  /^the change took (\d+) hours to become searchable$/,
  async function (this: HarnessWorld, hours: string) {
    const o = oabContext(this);
    await this.verify({
      rule: 'OAB-05',
      claim: 'hours from the change to the download that makes it searchable',
      expected: Number(hours),
      model: hoursToSearchable(predicted(this)),
      observations: [
        {
          witness: 'client:outlook',
          value: o.firstSeenLocally === undefined ? -1 : (o.firstSeenLocally - o.changedAt!) / HOUR,
        },
      ],
    });
  },
);

Then(
  at('Lync finds "([^"]*)" from <T>, (\\d+ hours(?: \\d+ minutes)?) after the change'),
  async function (this: HarnessWorld, name: string, t: string, wait: string) {
    const s = clientContext(this);
    const o = oabContext(this);
    const when = weekTime(t);
    await s.ctx.advanceTo(when - 60_000);
    const before = await s.search(name.split(' ')[0]);
    await s.ctx.advanceTo(when);
    const after = await s.search(name.split(' ')[0]);
    const observed =
      !before.names.includes(name) && after.names.includes(name) && o.firstSeenLocally === when;
    await this.verify({
      rule: ['OAB-01', 'OAB-05'],
      claim: `${name} becomes searchable at ${t}, ${wait} after the change`,
      expected: { from: t, after: wait },
      model: searchableFrom(predicted(this)),
      observations: [
        {
          witness: 'client:lync-windows',
          value: observed
            ? { from: t, after: durationText(when - o.changedAt!) }
            : { from: 'not at that time', after: 'never' },
          detail: { before: before.names, after: after.names, outlookChecks: s.outlook!.checks },
        },
      ],
    });
  },
);

Then(
  /^that is the notes' worst-case figure of (\d+) hours$/,
  async function (this: HarnessWorld, hours: string) {
    const o = oabContext(this);
    const worst = documentedWorstCaseHours(o.profile);
    await this.verify({
      rule: 'OAB-05',
      claim:
        "the observed delay equals the notes' worst-case figure (their example, not the mechanism's worst case)",
      expected: Number(hours),
      model: worst,
      observations: [
        {
          witness: 'client:outlook',
          value: o.firstSeenLocally === undefined ? -1 : (o.firstSeenLocally - o.changedAt!) / HOUR,
        },
      ],
    });
  },
);

Then(
  /^that is the mechanism's worst case on this schedule: (\d+ hours(?: \d+ minutes)?), where the notes say (\d+) hours$/,
  async function (this: HarnessWorld, wait: string, notes: string) {
    const o = oabContext(this);
    await this.verify({
      rule: 'OAB-05',
      claim: `no change waits longer than ${wait} on the ${o.profile.name} schedule, and this one waited that long`,
      expected: wait,
      model: mechanismWorstCase(o.profile),
      observations: [
        {
          witness: 'client:outlook',
          value: o.firstSeenLocally === undefined ? 'never' : durationText(o.firstSeenLocally - o.changedAt!),
          detail: { outlookChecks: clientContext(this).outlook!.checks },
        },
      ],
    });
    const figure = documentedWorstCaseHours(o.profile);
    if (figure.value !== Number(notes))
      throw new Error(`[OAB-05] the model reads the notes' figure as ${figure.value} hours, not ${notes}`);
  },
);

Then('Lync finds {string} when the model predicts', async function (this: HarnessWorld, name: string) {
  const s = clientContext(this);
  const model = predicted(this);
  await s.ctx.advanceTo(model.value.downloadedAt - 60_000);
  const before = await s.search(name.split(' ')[0]);
  await s.ctx.advanceTo(model.value.downloadedAt);
  const after = await s.search(name.split(' ')[0]);
  const around = searchableAroundDownload(model);
  const firstSeen = oabContext(this).firstSeenLocally;
  await this.verify({
    rule: ['OAB-01', 'OAB-05'],
    claim: `${name} becomes searchable at the predicted download (${oabContext(this).profile.name})`,
    expected: { at: around.value.at, before: false, after: true },
    model: around,
    observations: [
      {
        witness: 'client:lync-windows',
        value: {
          at: firstSeen === undefined ? 'never' : weekTimeText(firstSeen),
          before: before.names.includes(name),
          after: after.names.includes(name),
        },
        detail: { outlookChecks: s.outlook!.checks },
      },
    ],
  });
});

Then(
  at('at <T> Lync still does not find "([^"]*)"'),
  async function (this: HarnessWorld, t: string, name: string) {
    const s = clientContext(this);
    const when = weekTime(t);
    await s.ctx.advanceTo(when);
    const model = predicted(this);
    const outcome = await s.search(name.split(' ')[0]);
    await this.verify({
      rule: 'OAB-01',
      claim: `${name} is not searchable at ${t}: Outlook has not downloaded the OAB that holds the change`,
      expected: false,
      model: searchableBy(model, when),
      observations: [
        {
          witness: 'client:lync-windows',
          value: outcome.names.includes(name),
          detail: { outcome, outlookChecks: s.outlook!.checks },
        },
      ],
    });
  },
);
