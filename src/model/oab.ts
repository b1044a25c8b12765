import { mechanism, type OabProfile } from './mechanism';
import { type Verdict, verdict } from './verdict';
import { durationText } from './week-time';

/**
 * OAB: how long a GAL change takes to be searchable through Outlook's OAB. The notes' schedule
 * (Exchange 2010) is the default profile; Exchange 2013's generator work cycle is a setting.
 */
const H = 60;

/** The schedule of a profile, as the deployment's facts (src/model/mechanism.ts) give it. */
export function oabProfile(name: string): OabProfile {
  const p = mechanism().oab.profiles[name as OabProfile['name']];
  if (!p) throw new Error(`[model:oab] unknown OAB profile "${name}" (exchange2010, exchange2013)`);
  return p;
}

const MIN = 60_000;
const DAY = 24 * H * MIN;

/** OAB-02: the first generation strictly after `t`. */
export function nextGeneration(p: OabProfile, t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  for (let d = day; ; d += DAY) {
    const hit = p.generationMinutes.map((m) => d + m * MIN).find((g) => g > t);
    if (hit !== undefined) return hit;
  }
}

/** OAB-03: when a generation made at `g` is on the virtual directory (the next poll at or after it). */
export function distributedAt(p: OabProfile, g: number): number {
  if (p.distributionIntervalMinutes === 0) return g;
  const step = p.distributionIntervalMinutes * MIN;
  const anchor = p.distributionAnchorMinutes * MIN;
  return anchor + Math.ceil((g - anchor) / step) * step;
}

export interface ChangeTimeline {
  changedAt: number;
  generatedAt: number;
  distributedAt: number;
  /** Outlook's checks that found nothing new, then the download that brought the change (OAB-04). */
  checksWithoutChange: number[];
  downloadedAt: number;
  hours: number;
}

/** OAB-01, OAB-05: when a change becomes searchable for an Outlook that last downloaded at `lastDownload`. */
export function searchableAt(
  p: OabProfile,
  changedAt: number,
  lastDownload: number,
): Verdict<ChangeTimeline> {
  const generatedAt = nextGeneration(p, changedAt);
  const onDirectory = distributedAt(p, generatedAt);
  const cycle = p.downloadIntervalHours * H * MIN;
  const checksWithoutChange: number[] = [];
  let check = lastDownload + cycle;
  for (; check < onDirectory; check += cycle) if (check > changedAt) checksWithoutChange.push(check);
  const hours = (check - changedAt) / (H * MIN);
  return verdict(
    searchableAt,
    { changedAt, generatedAt, distributedAt: onDirectory, checksWithoutChange, downloadedAt: check, hours },
    ['OAB-01', 'OAB-02', 'OAB-03', 'OAB-04', 'OAB-05'],
    `generated ${iso(generatedAt)}, on the virtual directory ${iso(onDirectory)}, downloaded ${iso(check)}: ${hours} hours`,
  );
}

/** OAB-05: the notes' worst case: a whole generation period plus a whole download period. */
export function documentedWorstCaseHours(p: OabProfile): Verdict<number> {
  const period = p.generationMinutes.length > 1 ? (p.generationMinutes[1] - p.generationMinutes[0]) / H : 24;
  const hours = period + p.downloadIntervalHours;
  return verdict(
    documentedWorstCaseHours,
    hours,
    ['OAB-05'],
    `${period} h to the next generation + ${p.downloadIntervalHours} h to the next download`,
  );
}

/**
 * OAB-05, derived: the longest wait over every change time and every daily Outlook check time (in
 * `stepMinutes` steps). For Exchange 2010 this is 54 hours (a change just after 05:00, an Outlook
 * that checks just before the 11:00 poll), more than the notes' 48: their figure leaves out the
 * distribution delay. The reference's 24 + 8 + 24 = 56 hours assumes polls at any phase.
 */
export function worstCaseOverSchedules(p: OabProfile, stepMinutes = 5): Verdict<number> {
  const day = 24 * H * MIN;
  let worst = 0;
  for (let change = 0; change < day; change += stepMinutes * MIN)
    for (let check = 0; check < day; check += stepMinutes * MIN) {
      const hours = searchableAt(p, day + change, day + check - day).value.hours;
      if (hours > worst) worst = hours;
    }
  return verdict(
    worstCaseOverSchedules,
    worst,
    ['OAB-05'],
    `the longest wait over every change time and daily check time (${stepMinutes}-minute steps)`,
  );
}

/**
 * OAB-05 by the mechanism: the longest a change can wait, at the schedules' minute resolution. A change
 * just after a generation waits the whole gap to the next one, then for the poll that puts that
 * generation on the virtual directory, and an Outlook that checked a minute before it arrived waits a
 * whole download interval more. Exchange 2010: 24 h + 6 h + 24 h less a minute (54 hours, where the
 * notes say 48: their figure leaves out the distribution delay).
 */
export function mechanismWorstCase(p: OabProfile): Verdict<string> {
  const day = 24 * H * MIN;
  let worst = 0;
  let why = '';
  for (const [i, m] of p.generationMinutes.entries()) {
    const g = day + m * MIN;
    const previous = i === 0 ? p.generationMinutes.at(-1)! * MIN : day + p.generationMinutes[i - 1] * MIN;
    const gap = g - previous;
    const distribution = distributedAt(p, g) - g;
    const wait = gap + distribution + p.downloadIntervalHours * H * MIN - MIN;
    if (wait > worst) {
      worst = wait;
      why = `${gap / (H * MIN)} h to the ${iso(g).slice(11, 16)} generation + ${distribution / (H * MIN)} h to the poll that publishes it + ${p.downloadIntervalHours} h to the next Outlook check, less the minute by which that check missed it`;
    }
  }
  return verdict(mechanismWorstCase, durationText(worst), ['OAB-05'], why);
}

/** OAB-06: a download leaves .oab files stamped with the download time; a forced one happens at once. */
export function oabFilesAfterDownload(at: number): Verdict<{ files: boolean; stamped: string }> {
  return verdict(
    oabFilesAfterDownload,
    { files: true, stamped: iso(at) },
    ['OAB-06'],
    'a download writes the .oab files of the Offline Address Books folder',
  );
}

function iso(t: number): string {
  return new Date(t).toISOString();
}
