import { esc } from './html-util';
import { carryingGeneration, changeStory, type StoryEvent, scheduleEvents, storySummary } from './oab-story';
import type { OabTimelineRecord } from './picture-records';
import { clockTime, dayLabel, dayTime, px, svgPicture, svgText, waitText } from './svg-util';

const W = 900;
const LEFT = 150;
const RIGHT = 24;
const TOP = 34;
const LANE = 44;
const LANES = ['The change', 'Exchange generates', 'Virtual directory', 'Outlook checks', 'Lync finds it'];
const LANE_OF: Record<StoryEvent['lane'], number> = { change: 0, generation: 1, distribution: 2, outlook: 3 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ms = (iso: string) => Date.parse(iso);

type X = (t: number) => number;
const laneY = (lane: number) => TOP + lane * LANE + LANE / 2;

/** The drawn window: from the midnight before the first event to the 6-hour mark after the last. */
function window(r: OabTimelineRecord): { from: number; to: number } {
  const all = [
    ms(r.end),
    ...(r.change ? [ms(r.change.at)] : []),
    ...[...r.generations, ...r.distributions, ...r.outlook].map((e) => ms(e.at)),
  ];
  const from = Math.floor(Math.min(...all) / DAY) * DAY;
  const to = Math.ceil((Math.max(...all) + HOUR) / (6 * HOUR)) * 6 * HOUR;
  // At least a whole day, so a reader always has two day lines to read the times against.
  return { from, to: Math.max(to, from + DAY) };
}

/** How much a window of this length can label: every 6 hours and every day, or only each week's Monday. */
function density(pxPerDay: number) {
  return { hours: pxPerDay >= 80, everyDay: pxPerDay >= 70, marks: pxPerDay >= 70 };
}

/** Rough width of a day label (11 px bold): enough to keep labels apart. */
const labelWidth = (text: string) => text.length * 6.6;

function grid(x: X, from: number, to: number, height: number): string {
  const dense = density(x(from + DAY) - x(from));
  const parts: string[] = [];
  let labelsEnd = Number.NEGATIVE_INFINITY;
  for (let t = from; t <= to; t += dense.hours ? 6 * HOUR : DAY) {
    const midnight = (t - from) % DAY === 0;
    parts.push(
      `<line class="${midnight ? 'day-line' : 'hour-line'}" x1="${px(x(t))}" y1="${TOP - 8}" x2="${px(x(t))}" y2="${height - 22}"/>`,
    );
    if (dense.hours)
      parts.push(svgText(x(t), height - 8, clockTime(t).slice(0, 2), { anchor: 'middle', cls: 'tick' }));
    if (!midnight || !(dense.everyDay || new Date(t).getUTCDay() === 1)) continue;
    // A label starts just after its line, or ends just before it at the right edge; one that would
    // run into the previous label is left out (the list under the picture has every time).
    const label = dayLabel(t);
    const width = labelWidth(label);
    if (x(t) + 4 + width <= W && x(t) + 4 >= labelsEnd + 8) {
      parts.push(svgText(x(t) + 4, TOP - 12, label, { cls: 'day' }));
      labelsEnd = x(t) + 4 + width;
    } else if (x(t) - 4 - width >= labelsEnd + 8) {
      parts.push(svgText(x(t) - 4, TOP - 12, label, { cls: 'day', anchor: 'end' }));
      labelsEnd = x(t);
    }
  }
  return parts.join('');
}

function mark(shape: string, cls: string, at: number, label: string): string {
  return `<g class="mark ${cls}" data-at="${new Date(at).toISOString()}"><title>${esc(label)}</title>${shape}</g>`;
}

/** The time under a mark, when the window leaves room for it (the list under the picture has them all). */
const when = (x: X, t: number, lane: number) =>
  density(x(t + DAY) - x(t)).marks
    ? svgText(x(t), laneY(lane) + 19, clockTime(t), { anchor: 'middle', cls: 'when' })
    : '';

function eventMarks(r: OabTimelineRecord, x: X): string {
  const out: string[] = [];
  if (r.change) {
    const t = ms(r.change.at);
    const y = laneY(0);
    out.push(
      mark(
        `<path d="M${px(x(t))} ${y - 7}l7 7-7 7-7-7z"/>`,
        'ev-change',
        t,
        `${r.change.name} created, ${dayTime(t)}`,
      ),
      when(x, t, 0),
      svgText(x(t) + 22, y + 4, r.change.name, { cls: 'note' }),
    );
  }
  const carrier = carryingGeneration(r);
  for (const g of r.generations) {
    const t = ms(g.at);
    const shape = `<rect x="${px(x(t) - 5)}" y="${laneY(1) - 7}" width="10" height="14"/>`;
    out.push(
      mark(shape, g === carrier ? 'ev-generation carries' : 'ev-generation', t, `generated ${dayTime(t)}`),
      when(x, t, 1),
    );
  }
  for (const d of r.distributions) {
    const t = ms(d.at);
    const y = laneY(2);
    const shape = d.copied
      ? `<rect x="${px(x(t) - 6)}" y="${y - 6}" width="12" height="12"/>`
      : `<line x1="${px(x(t))}" y1="${y - 6}" x2="${px(x(t))}" y2="${y + 6}"/>`;
    out.push(
      mark(
        shape,
        d.copied ? 'ev-distribution copied' : 'ev-distribution',
        t,
        `poll ${dayTime(t)}${d.copied ? ': new OAB' : ''}`,
      ),
    );
    if (d.copied) out.push(when(x, t, 2));
  }
  for (const c of r.outlook) {
    const t = ms(c.at);
    const y = laneY(3);
    const shape =
      c.outcome === 'failed'
        ? `<path d="M${px(x(t) - 6)} ${y - 6}l12 12m0-12l-12 12"/>`
        : c.kind === 'diff'
          ? `<circle cx="${px(x(t))}" cy="${y}" r="6"/><circle class="diff-dot" cx="${px(x(t))}" cy="${y}" r="2.2"/>`
          : `<circle cx="${px(x(t))}" cy="${y}" r="6"/>`;
    out.push(mark(shape, `ev-outlook ${c.outcome}`, t, `Outlook ${dayTime(t)}: ${c.outcome}`), when(x, t, 3));
  }
  return out.join('');
}

/** The story's numbers above the marks they explain, as the list under the picture numbers them. */
function storyBadges(story: StoryEvent[], x: X): string {
  return story
    .map((e, i) => {
      const cx = x(e.at);
      const cy = laneY(LANE_OF[e.lane]) - 17;
      return `<g class="story-badge" data-step="${i + 1}"><circle cx="${px(cx)}" cy="${cy}" r="7.5"/>${svgText(cx, cy + 3.5, String(i + 1), { anchor: 'middle' })}</g>`;
    })
    .join('');
}

/** A note under the lane from `at`, or ending at the right edge when it would run past it. */
function laneNote(at: number, y: number, text: string): string {
  const width = text.length * 6;
  return at + width <= W - 4
    ? svgText(at, y, text, { cls: 'note' })
    : svgText(W - RIGHT, y, text, { cls: 'note', anchor: 'end' });
}

function searchableLane(r: OabTimelineRecord, x: X, to: number, hatch: string): string {
  const y = laneY(4);
  if (!r.change) return svgText(LEFT + 8, y + 4, 'no change watched in this scenario', { cls: 'note' });
  const changed = ms(r.change.at);
  const found = r.searchable ? ms(r.searchable) : undefined;
  const until = found ?? ms(r.end);
  const waiting = `<rect class="waiting" fill="url(#${hatch})" x="${px(x(changed))}" y="${y - 6}" width="${px(x(until) - x(changed))}" height="12"/>`;
  if (found === undefined)
    return `${waiting}${laneNote(x(changed), y + 20, `not searchable by ${dayTime(until)}, the end of the scenario`)}`;
  const line = `<line x1="${px(x(found))}" y1="${TOP - 8}" x2="${px(x(found))}" y2="${y + 8}"/>`;
  return `${waiting}<rect class="found" x="${px(x(found))}" y="${y - 6}" width="${px(x(to) - x(found))}" height="12"/>${mark(line, 'ev-searchable', found, `searchable from ${dayTime(found)}`)}${laneNote(x(changed), y + 20, `${waitText(found - changed)} from the change to searchable`)}`;
}

/** Diagonal strokes: "not yet" without colour, so it reads the same printed in black and white. */
function hatchPattern(id: string): string {
  return `<defs><pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#444" stroke-width="2"/></pattern></defs>`;
}

function lanesBackground(): string {
  return LANES.map(
    (name, i) =>
      `<line class="lane" x1="${LEFT}" y1="${laneY(i)}" x2="${W - RIGHT}" y2="${laneY(i)}"/>${svgText(8, laneY(i) + 4, name, { cls: 'lane-name' })}`,
  ).join('');
}

/** The text beside the picture: the change's story numbered as the badges, then what else was observed. */
function factsList(r: OabTimelineRecord, story: StoryEvent[]): string {
  if (story.length === 0)
    return `<ol class="picture-text">${scheduleEvents(r)
      .map((e) => `<li><b>${esc(dayTime(e.at))}</b>: ${esc(e.text)}.</li>`)
      .join('')}</ol>`;
  const steps = story.map((e) => `<li><b>${esc(dayTime(e.at))}</b>: ${esc(e.text)}.</li>`).join('');
  const told = new Set(story.map((e) => `${e.lane}@${e.at}`));
  const other = (list: Array<{ at: string }>, lane: string) =>
    list.filter((e) => !told.has(`${lane}@${ms(e.at)}`)).map((e) => dayTime(ms(e.at)));
  const rest = [
    ['Other generations', other(r.generations, 'generation')],
    [
      'other polls of the virtual directory (new OAB)',
      other(
        r.distributions.filter((d) => d.copied),
        'distribution',
      ),
    ],
    ['polls that found nothing new', r.distributions.filter((d) => !d.copied).map((d) => dayTime(ms(d.at)))],
    ['other Outlook checks', other(r.outlook, 'outlook')],
  ]
    .filter(([, at]) => at.length)
    .map(([what, at]) => `${what}: ${(at as string[]).join(', ')}`);
  return `<ol class="picture-text">${steps}</ol>${rest.length ? `<p class="muted">Also observed. ${esc(rest.join('; '))}.</p>` : ''}`;
}

/** One OAB scenario's timeline: the SVG, then the same facts as a list. */
export function oabTimelineFigure(r: OabTimelineRecord, id: string, scenario: string): string {
  const { from, to } = window(r);
  const height = TOP + LANES.length * LANE + 30;
  const x = (t: number) => LEFT + ((t - from) / (to - from)) * (W - LEFT - RIGHT);
  const story = changeStory(r);
  const summary = storySummary(r, from);
  const svg = svgPicture({
    id,
    kind: 'oab-timeline',
    width: W,
    height,
    title: `OAB timeline (${r.profile} schedule): ${scenario}`,
    desc: `${summary} ${(story.length ? story : scheduleEvents(r)).map((e) => `${dayTime(e.at)}: ${e.text}.`).join(' ')}`,
    body:
      hatchPattern(`${id}-hatch`) +
      grid(x, from, to, height) +
      lanesBackground() +
      eventMarks(r, x) +
      searchableLane(r, x, to, `${id}-hatch`) +
      storyBadges(story, x),
  });
  return `<figure class="picture-figure"><figcaption><b>${esc(scenario)}</b> <span class="muted">(${esc(r.profile)} schedule)</span>: ${esc(summary)}</figcaption>${svg}${factsList(r, story)}<p class="legend muted">Diamond: the change. Square: a generation (filled: the first after the change); on the virtual directory a filled square is a poll that brought a new OAB, a stroke one that found nothing. Circle: an Outlook check (filled: a download of the Full file, with a white dot: differential files applied; hollow: nothing new). Hatched: not yet searchable; solid: searchable in Lync. Numbers: the steps listed under the picture.</p></figure>`;
}
