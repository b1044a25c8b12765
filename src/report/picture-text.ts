import { changeStory, scheduleEvents, storySummary } from './oab-story';
import type { ReportPicture } from './picture-records';
import { issuerListFacts } from './svg-issuer-list';
import { dayTime } from './svg-util';

const DAY = 86_400_000;

/** A picture's facts in sentences, for report.md (the page shows the same under each picture). */
export function pictureText(p: ReportPicture): { title: string; facts: string[] } {
  if (p.kind === 'unreadable')
    return { title: p.scenario, facts: [`no picture: its record could not be read (${p.problem})`] };
  if (p.kind === 'issuer-list')
    return {
      title: `${p.scenario}: the issuer list in bytes${p.record.attempt > 1 ? ` (replication ${p.record.attempt})` : ''}`,
      facts: issuerListFacts(p.record),
    };
  const r = p.record;
  const story = changeStory(r);
  const first = Math.min(
    ...[...r.generations, ...r.distributions, ...r.outlook].map((e) => Date.parse(e.at)),
    Date.parse(r.end),
  );
  return {
    title: `${p.scenario}: the OAB timeline (${r.profile} schedule)`,
    facts: [
      storySummary(r, Math.floor(first / DAY) * DAY),
      ...(story.length ? story : scheduleEvents(r)).map((e) => `${dayTime(e.at)}: ${e.text}`),
    ],
  };
}
