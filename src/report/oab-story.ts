import type { OabTimelineRecord } from './picture-records';
import { dayTime, waitText } from './svg-util';

export interface StoryEvent {
  at: number;
  text: string;
  /** Which lane's mark it explains: the picture puts its number there. */
  lane: 'change' | 'generation' | 'distribution' | 'outlook';
}

const ms = (iso: string) => Date.parse(iso);

/** The first generation after the change: the one that carries it. */
export function carryingGeneration(r: OabTimelineRecord) {
  if (!r.change) return undefined;
  const changed = ms(r.change.at);
  return r.generations.find((g) => ms(g.at) > changed);
}

/**
 * The change's way to Lync, told as the field notes tell their Monday-to-Wednesday example: Outlook's
 * last download before the change, the change, the generation that carries it, Outlook's checks that
 * bring nothing of it, the virtual directory's update, and the download that makes it searchable.
 * Every step is an observed event of the record; none is computed from a schedule.
 */
export function changeStory(r: OabTimelineRecord): StoryEvent[] {
  if (!r.change) return [];
  const name = r.change.name;
  const changed = ms(r.change.at);
  const found = r.searchable ? ms(r.searchable) : undefined;
  const carrier = carryingGeneration(r);
  const story: StoryEvent[] = [];
  const before = r.outlook.filter((c) => c.outcome === 'downloaded' && ms(c.at) <= changed).at(-1);
  if (before)
    story.push({
      at: ms(before.at),
      lane: 'outlook',
      text: `Outlook downloads the OAB${how(before)}`,
    });
  story.push({ at: changed, lane: 'change', text: `the external contact ${name} is created` });
  if (carrier)
    story.push({
      at: ms(carrier.at),
      lane: 'generation',
      text: `Exchange generates the OAB with ${name}${seq(carrier.sequence)}`,
    });
  const copy =
    carrier &&
    r.distributions.find(
      (d) => d.copied && ms(d.at) >= ms(carrier.at) && (d.sequence ?? 0) >= (carrier.sequence ?? 0),
    );
  if (copy)
    story.push({
      at: ms(copy.at),
      lane: 'distribution',
      text: `the OAB virtual directory is updated${seq(copy.sequence)}`,
    });
  for (const c of r.outlook.filter((c) => ms(c.at) > changed && (found === undefined || ms(c.at) < found)))
    story.push({
      at: ms(c.at),
      lane: 'outlook',
      text: `Outlook checks for a new OAB: ${nothingOf(c, carrier?.sequence, name)}`,
    });
  if (found !== undefined)
    story.push({
      at: found,
      lane: 'outlook',
      text: `Outlook downloads the OAB with ${name}${how(r.outlook.find((c) => ms(c.at) === found))}: Lync finds ${name}, ${waitText(found - changed)} after the change`,
    });
  return story.sort((a, b) => a.at - b.at);
}

function seq(sequence: number | undefined): string {
  return sequence === undefined ? '' : ` (sequence ${sequence})`;
}

type Check = OabTimelineRecord['outlook'][number];

/** A download's sequence and what Outlook fetched: the differential files it applied, or the Full file. */
function how(c: Check | undefined): string {
  if (!c) return '';
  const parts = c.sequence === undefined ? [] : [`sequence ${c.sequence}`];
  if (c.kind === 'diff')
    parts.push(`${c.files ?? 'its'} differential file${c.files === 1 ? '' : 's'} applied`);
  else if (c.kind === 'full')
    parts.push(c.fallback ? `the Full file, because ${c.fallback}` : 'the Full file');
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** What a check before the change arrived brought: nothing, or an older OAB without the change. */
function nothingOf(c: Check, carrier: number | undefined, name: string): string {
  if (c.outcome === 'nothing-new') return 'nothing new';
  if (c.outcome === 'downloaded')
    return `it downloads${how(c)}, ${carrier !== undefined && c.sequence !== undefined && c.sequence < carrier ? 'generated before the change' : 'an OAB'}: nothing of ${name}`;
  return `the check ${c.outcome}`;
}

/** Every event of a record without a change, in time order (the schedule scenarios). */
export function scheduleEvents(r: OabTimelineRecord): Array<{ at: number; text: string }> {
  const events = [
    ...r.generations.map((g) => ({ at: ms(g.at), text: `Exchange generated the OAB${seq(g.sequence)}` })),
    ...r.distributions
      .filter((d) => d.copied)
      .map((d) => ({ at: ms(d.at), text: `the virtual directory picked up the new OAB${seq(d.sequence)}` })),
    ...r.outlook.map((c) => ({
      at: ms(c.at),
      text:
        c.outcome === 'downloaded'
          ? `Outlook downloaded the OAB${how(c)}`
          : c.outcome === 'nothing-new'
            ? 'Outlook checked for a new OAB: nothing new'
            : `Outlook's check ${c.outcome}`,
    })),
  ];
  return events.sort((a, b) => a.at - b.at);
}

/** One sentence for the figure's caption. */
export function storySummary(r: OabTimelineRecord, from: number): string {
  const end = ms(r.end);
  if (!r.change) return `The OAB schedule from ${dayTime(from)} to ${dayTime(end)}.`;
  const changed = ms(r.change.at);
  return r.searchable
    ? `${r.change.name}, created ${dayTime(changed)}, became searchable ${dayTime(ms(r.searchable))}, ${waitText(ms(r.searchable) - changed)} later.`
    : `${r.change.name}, created ${dayTime(changed)}, was not searchable by ${dayTime(end)}.`;
}
