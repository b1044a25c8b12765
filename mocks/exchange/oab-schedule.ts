/**
 * When the mock's OAB pipeline acts on the virtual clock. Exchange 2010: the OAB generation schedule
 * (daily 05:00) and the File Distribution Service polling the mailbox server every PollInterval (480
 * minutes, here on the 03:00 / 11:00 / 19:00 phase). Exchange 2013: the OAB generator assistant's
 * work cycle, and no distribution step (the CAS proxies to the generating mailbox).
 */
export interface OabScheduleProfile {
  name: string;
  /** Generation times, as minutes after midnight, repeated daily. */
  generationMinutes: number[];
  /** Distribution poll times, minutes after midnight; empty: a generated OAB is served at once. */
  distributionMinutes: number[];
}

const HOUR = 60;

export const OAB_SCHEDULES: Record<string, OabScheduleProfile> = {
  exchange2010: {
    name: 'exchange2010',
    generationMinutes: [5 * HOUR],
    distributionMinutes: [3 * HOUR, 11 * HOUR, 19 * HOUR],
  },
  exchange2013: {
    name: 'exchange2013',
    generationMinutes: [5 * HOUR, 13 * HOUR, 21 * HOUR],
    distributionMinutes: [],
  },
};

export type OabEvent = { at: number; kind: 'generate' | 'distribute' };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The profile's events after `from` up to and including `to`, in time order (generation first on ties). */
export function eventsBetween(profile: OabScheduleProfile, from: number, to: number): OabEvent[] {
  const events: OabEvent[] = [];
  if (to <= from) return events;
  const firstDay = Math.floor(from / DAY_MS) * DAY_MS;
  for (let day = firstDay; day <= to; day += DAY_MS) {
    for (const m of profile.generationMinutes) events.push({ at: day + m * 60_000, kind: 'generate' });
    for (const m of profile.distributionMinutes) events.push({ at: day + m * 60_000, kind: 'distribute' });
  }
  return events
    .filter((e) => e.at > from && e.at <= to)
    .sort((a, b) => a.at - b.at || (a.kind === 'generate' ? -1 : 1));
}

/** How many events of `kind` the profile has after `from` up to and including `to` (counted, not listed). */
export function countEvents(
  profile: OabScheduleProfile,
  kind: OabEvent['kind'],
  from: number,
  to: number,
): number {
  if (to <= from) return 0;
  const minutes = kind === 'generate' ? profile.generationMinutes : profile.distributionMinutes;
  const daily = (t: number, offset: number) => Math.floor((t - offset) / DAY_MS);
  return minutes.reduce((n, m) => n + daily(to, m * 60_000) - daily(from, m * 60_000), 0);
}

/** The time of the profile's last event of `kind` at or before `to`, if it has any. */
export function lastEventAtOrBefore(
  profile: OabScheduleProfile,
  kind: OabEvent['kind'],
  to: number,
): number | undefined {
  const minutes = kind === 'generate' ? profile.generationMinutes : profile.distributionMinutes;
  let last: number | undefined;
  for (const m of minutes) {
    const offset = m * 60_000;
    const at = Math.floor((to - offset) / DAY_MS) * DAY_MS + offset;
    if (last === undefined || at > last) last = at;
  }
  return last;
}

/** Days before the new clock reading whose events are run one by one; anything earlier is counted. */
export const LISTED_DAYS = 31;

/** Where an advance from `from` to `to` starts listing events: `from`, or LISTED_DAYS whole days before `to`. */
export function listedFrom(from: number, to: number): number {
  return Math.max(from, Math.floor(to / DAY_MS) * DAY_MS - LISTED_DAYS * DAY_MS);
}
