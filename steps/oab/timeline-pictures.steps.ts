import { After } from '@cucumber/cucumber';
import { OAB_TIMELINE_MEDIA_TYPE, type OabTimelineRecord } from '../../src/report/picture-records';
import { clientContext } from '../exchange/client-context';
import type { HarnessWorld } from '../support/world';
import { oabContext } from './oab-context';

const iso = (t: number) => new Date(t).toISOString();

/**
 * Attaches what an OAB scenario observed, for the report's timeline: the Exchange mock's generations and
 * distribution polls (its journal), Outlook's checks (the simulator), the change, and when the change
 * reached Outlook's local OAB.
 */
After({ tags: '@OAB' }, async function (this: HarnessWorld) {
  const s = clientContext(this);
  // A scenario that failed before Exchange was seeded has nothing to draw.
  if (!s.ctx.exchange) return;
  const o = oabContext(this);
  const journal = await s.ctx.exchange.admin.journal({ correlationId: this.scenario.id });
  const scheduled = (operation: string) =>
    journal
      .filter((e) => e.operation === operation)
      .map((e) => ({ at: String(e.request.scheduledAt), outcome: e.outcome }));
  const record: OabTimelineRecord = {
    profile: o.profile.name,
    end: iso(await s.ctx.now()),
    ...(o.changedAt === undefined ? {} : { change: { at: iso(o.changedAt), name: o.changedName ?? '' } }),
    generations: scheduled('oab.generate').map((g) => ({
      at: g.at,
      sequence: g.outcome.sequence as number | undefined,
      records: g.outcome.records as number | undefined,
    })),
    distributions: scheduled('oab.distribute').map((d) => ({
      at: d.at,
      copied: Boolean(d.outcome.copied),
      sequence: d.outcome.sequence as number | undefined,
    })),
    outlook: (s.outlook?.checks ?? []).map((c) => ({
      at: iso(c.at),
      outcome: c.outcome,
      ...(c.sequence === undefined ? {} : { sequence: c.sequence }),
      ...(c.kind ? { kind: c.kind } : {}),
      ...(c.files ? { files: c.files.length } : {}),
      ...(c.fallback ? { fallback: c.fallback } : {}),
    })),
    ...(o.firstSeenLocally === undefined ? {} : { searchable: iso(o.firstSeenLocally) }),
  };
  await this.attach(JSON.stringify(record), OAB_TIMELINE_MEDIA_TYPE);
});
