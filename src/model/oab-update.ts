import type { OabProfile } from './mechanism';
import { mechanism } from './mechanism';
import { distributedAt, nextGeneration } from './oab';
import { type Verdict, verdict } from './verdict';
import { weekTimeText } from './week-time';

/**
 * OAB-07: what Outlook fetches when it checks for a new OAB. Each generation has a differential file
 * from the one before ([MS-OXOAB] §2.10), listed in oab.xml ([MS-OXWOAB]) while it is kept (30 days,
 * KB832761); Outlook applies every file from the OAB it has to the newest, in order, and downloads
 * the Full file instead when the first it needs is no longer kept or the OAB on disk is not the one
 * the files were made from (their CRCs do not match).
 */
const DAY = 86_400_000;

export interface OabUpdate {
  download: 'nothing' | 'differential' | 'full';
  /** How many files it downloads: the differential files, or the one Full file. */
  files: number;
}

export type OabOnDisk = 'intact' | 'damaged';

/** The generations that reached the virtual directory after `lastDownload` and by `check`. */
export function generationsPublishedBetween(p: OabProfile, lastDownload: number, check: number): number[] {
  const published: number[] = [];
  for (let g = nextGeneration(p, lastDownload - DAY); g <= check; g = nextGeneration(p, g)) {
    const on = distributedAt(p, g);
    if (on > lastDownload && on <= check) published.push(g);
  }
  return published;
}

export function oabUpdateAt(
  p: OabProfile,
  lastDownload: number,
  check: number,
  onDisk: OabOnDisk = 'intact',
): Verdict<OabUpdate> {
  const needed = generationsPublishedBetween(p, lastDownload, check);
  const decide = (value: OabUpdate, why: string) => verdict(oabUpdateAt, value, ['OAB-07'], why);
  if (needed.length === 0)
    return decide(
      { download: 'nothing', files: 0 },
      'no generation reached the virtual directory since the last download',
    );
  const oldest = needed[0];
  const kept = mechanism().oab.diffRetentionDays;
  if (oldest <= check - kept * DAY)
    return decide(
      { download: 'full', files: 1 },
      `the differential file of the ${weekTimeText(oldest)} generation is older than the ${kept} days Exchange keeps them`,
    );
  if (onDisk === 'damaged' || !mechanism().oab.diffsMatchPreviousGeneration)
    return decide(
      { download: 'full', files: 1 },
      onDisk === 'damaged'
        ? 'the OAB on disk is not the one the differential files were made from: their CRCs do not match'
        : 'Exchange made the differential files from another OAB than the one it published: their CRCs do not match',
    );
  return decide(
    { download: 'differential', files: needed.length },
    `one differential file per generation since the last download: ${needed.map(weekTimeText).join(', ')}`,
  );
}

/** OAB-01 with OAB-07: a change is searchable once Outlook's last update (by either kind of file) brought the generation that holds it. */
export function changeInOabAfterUpdate(
  p: OabProfile,
  changedAt: number,
  lastUpdate: number,
): Verdict<boolean> {
  const holding = nextGeneration(p, changedAt);
  const published = distributedAt(p, holding);
  return verdict(
    changeInOabAfterUpdate,
    published <= lastUpdate,
    ['OAB-01', 'OAB-07'],
    `the ${weekTimeText(holding)} generation holds the change and reached the virtual directory at ${weekTimeText(published)}; Outlook last updated at ${weekTimeText(lastUpdate)}`,
  );
}

/** OAB-07: what applying the differential files of an update to the OAB Outlook had gives: the one Outlook installed. */
export function patchedOab(update: Verdict<OabUpdate>): Verdict<string> {
  return verdict(
    patchedOab,
    update.value.download === 'differential' ? 'the OAB Outlook installed' : 'no differential files applied',
    ['OAB-07'],
    update.reason,
  );
}
