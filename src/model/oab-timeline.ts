import { mechanism, type OabProfile } from './mechanism';
import { type ChangeTimeline, distributedAt, nextGeneration } from './oab';
import { type Verdict, verdict } from './verdict';
import { durationText, weekTimeText } from './week-time';

const HOUR = 3_600_000;

/** OAB-02: every generation after `from` up to `to`, as the notes write times. */
export function generationsUntil(p: OabProfile, from: number, to: number): Verdict<string[]> {
  const times: string[] = [];
  for (let g = nextGeneration(p, from); g <= to; g = nextGeneration(p, g)) times.push(weekTimeText(g));
  return verdict(
    generationsUntil,
    times,
    ['OAB-02'],
    `${p.name}: generations at ${p.generationMinutes.map((m) => `${m / 60}:00`).join(', ')}`,
  );
}

/** OAB-03: every distribution poll after `from` up to `to` (none where the profile does not poll). */
export function distributionPollsUntil(p: OabProfile, from: number, to: number): Verdict<string[]> {
  const times: string[] = [];
  const step = p.distributionIntervalMinutes * 60_000;
  for (let t = distributedAt(p, from + 1); step > 0 && t <= to; t += step) times.push(weekTimeText(t));
  return verdict(
    distributionPollsUntil,
    times,
    ['OAB-03'],
    `${p.name}: a poll every ${p.distributionIntervalMinutes} minutes`,
  );
}

/** OAB-03: when the generation made at `g` is on the OAB virtual directory. */
export function generationReachesDirectory(p: OabProfile, g: number): Verdict<string> {
  return verdict(
    generationReachesDirectory,
    weekTimeText(distributedAt(p, g)),
    ['OAB-03'],
    'the next poll at or after the generation',
  );
}

/** OAB-04: Outlook's checks from its last download up to `to`, one every download interval. */
export function outlookChecksUntil(p: OabProfile, lastDownload: number, to: number): Verdict<string[]> {
  const times: string[] = [];
  for (let c = lastDownload; c <= to; c += p.downloadIntervalHours * HOUR) times.push(weekTimeText(c));
  return verdict(
    outlookChecksUntil,
    times,
    ['OAB-04'],
    `every ${p.downloadIntervalHours} hours from the last download`,
  );
}

/**
 * OAB-04: Outlook downloads the OAB from the URL Autodiscover names; Autodiscover names one only for an
 * OAB offered for web-based distribution (otherwise Outlook's Send/Receive reports 0x8004010F).
 */
export function outlookDownloadsOab(): Verdict<boolean> {
  const web = mechanism().oab.webDistributed;
  return verdict(
    outlookDownloadsOab,
    web,
    ['OAB-04'],
    web
      ? 'from the OAB URL Autodiscover names'
      : 'the OAB is not offered for web-based distribution: Autodiscover names no OAB URL',
  );
}

/** OAB-04: whether Outlook checks at `when`, given its last download. */
export function outlookChecksAt(p: OabProfile, lastDownload: number, when: number): Verdict<boolean> {
  const cycle = p.downloadIntervalHours * HOUR;
  return verdict(
    outlookChecksAt,
    when >= lastDownload && (when - lastDownload) % cycle === 0,
    ['OAB-04'],
    `every ${p.downloadIntervalHours} hours`,
  );
}

/** OAB-02/03: one step of a change's way to the client (a searchableAt verdict), as the notes write times. */
export function timelineStep(
  t: Verdict<ChangeTimeline>,
  step: 'generatedAt' | 'distributedAt' | 'downloadedAt',
): Verdict<string> {
  return verdict(timelineStep, weekTimeText(t.value[step]), t.rules, t.reason);
}

/** OAB-01: whether the change is searchable at `when`: only once Outlook downloaded the OAB that holds it. */
export function searchableBy(t: Verdict<ChangeTimeline>, when: number): Verdict<boolean> {
  return verdict(searchableBy, when >= t.value.downloadedAt, ['OAB-01', ...t.rules], t.reason);
}

/** OAB-01, OAB-05: the download that brings the change, and searchability a minute before it and at it. */
export function searchableAroundDownload(
  t: Verdict<ChangeTimeline>,
): Verdict<{ at: string; before: boolean; after: boolean }> {
  const at = t.value.downloadedAt;
  return verdict(
    searchableAroundDownload,
    { at: weekTimeText(at), before: searchableBy(t, at - 60_000).value, after: searchableBy(t, at).value },
    ['OAB-01', 'OAB-05'],
    t.reason,
  );
}

/** OAB-05: hours from the change to the download that makes it searchable. */
export function hoursToSearchable(t: Verdict<ChangeTimeline>): Verdict<number> {
  return verdict(hoursToSearchable, t.value.hours, ['OAB-05'], t.reason);
}

/** OAB-01, OAB-05: from when the change is searchable, and how many hours after it was made. */
export function searchableFrom(t: Verdict<ChangeTimeline>): Verdict<{ from: string; after: string }> {
  return verdict(
    searchableFrom,
    {
      from: weekTimeText(t.value.downloadedAt),
      after: durationText(t.value.downloadedAt - t.value.changedAt),
    },
    ['OAB-01', 'OAB-05'],
    t.reason,
  );
}

/** OAB-06: a download forced at `when` finds the change once it is on the virtual directory, before the scheduled one. */
export function forcedDownload(
  planned: Verdict<ChangeTimeline>,
  when: number,
): Verdict<{ found: boolean; scheduled: string }> {
  return verdict(
    forcedDownload,
    { found: when >= planned.value.distributedAt, scheduled: weekTimeText(planned.value.downloadedAt) },
    ['OAB-06'],
    planned.reason,
  );
}
