import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export interface PictureProblem {
  picture: string;
  problem: string;
}

export interface SeenPicture {
  id: string;
  kind: string;
  scenario: string;
}

/** What a person sees of an element: its rendered text. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the checks read.
export const seen = (element: Locator) => element.innerText();
export const seenAll = (elements: Locator) => elements.allInnerTexts();

/** Within this many CSS pixels a mark is where its number says (marks are drawn to a tenth of a unit). */
const TOLERANCE_PX = 2;

type Box = { left: number; right: number; top: number; bottom: number };
const centre = (b: Box) => (b.left + b.right) / 2;
const bytes = (text: string) => Number(text.replace(/,/g, ''));

/** Boxes of the elements `selector` matches inside the picture, as the browser laid them out. */
function boxes(
  svg: Locator,
  selector: string,
): Promise<Array<Box & { text: string; anchor: string | null }>> {
  return svg.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: DOM nodes (the tests are compiled without the DOM library).
    (root: any, css: string) =>
      // biome-ignore lint/suspicious/noExplicitAny: as above.
      [...root.querySelectorAll(css)].map((e: any) => {
        const r = e.getBoundingClientRect();
        const anchor = e.getAttribute('text-anchor');
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.textContent, anchor };
      }),
    selector,
  );
}

/** Share of a screenshot's pixels that carry ink (not white), read back through a canvas. */
async function inkOf(helper: Page, png: Buffer): Promise<{ ink: number; colours: number }> {
  return helper.evaluate(`(async () => {
    const img = new Image();
    img.src = 'data:image/png;base64,${png.toString('base64')}';
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let ink = 0; const colours = new Set();
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) ink++;
      if (colours.size < 64) colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    }
    return { ink: ink / (d.length / 4), colours: colours.size };
  })()`);
}

/** The issuer list: the limit line, the sent bar and the Front End's issuer where the text's bytes put them. */
async function issuerListProblems(figure: Locator, svg: Locator): Promise<string[]> {
  const text = await seen(figure.locator('ul.picture-text'));
  const ticks = (await boxes(svg, '.axis-tick')).map((t) => ({
    x: centre(t),
    bytes: t.text.trim() === '0' ? 0 : Number.parseFloat(t.text) * 1024,
  }));
  if (ticks.length < 2) return ['the byte axis has fewer than two labelled ticks'];
  const [first, last] = [ticks[0], ticks.at(-1)!];
  const bytesAt = (x: number) =>
    first.bytes + ((x - first.x) / (last.x - first.x)) * (last.bytes - first.bytes);
  const pxPerByte = (last.x - first.x) / (last.bytes - first.bytes);
  const off = (x: number, expected: number) => Math.abs(bytesAt(x) - expected) * pxPerByte > TOLERANCE_PX;
  const problems: string[] = [];
  const limit = bytes(/the ([\d,]+)-byte limit/.exec(text)?.[1] ?? 'NaN');
  const [line] = await boxes(svg, '.limit-line line');
  if (!line || off(centre(line), limit))
    problems.push(
      `the limit line is drawn at ${line ? Math.round(bytesAt(centre(line))) : 'no'} bytes, the text says ${limit}`,
    );
  const sent = /Sent in the CertificateRequest: (?:every name, )?[\d,]+ names, ([\d,]+) bytes/.exec(text);
  const [bar] = await boxes(svg, '.sent-bar');
  if (sent && (!bar || off(bar.right, bytes(sent[1]))))
    problems.push(
      `the sent list ends at ${bar ? Math.round(bytesAt(bar.right)) : 'no'} bytes, the text says ${sent[1]}`,
    );
  const place = /at bytes ([\d,]+)–([\d,]+) of the store: (within|past) the/.exec(text);
  const [marker] = await boxes(svg, '.issuer-marker rect');
  if (place && marker) {
    const expected = (bytes(place[1]) + bytes(place[2])) / 2;
    if (off(centre(marker), expected))
      problems.push(
        `the Front End's issuer is drawn at ${Math.round(bytesAt(centre(marker)))} bytes, the text says ${place[1]}–${place[2]}`,
      );
    if (line && centre(marker) > centre(line) !== (place[3] === 'past'))
      problems.push(
        `the Front End's issuer is drawn on the wrong side of the limit line (the text says ${place[3]} it)`,
      );
  } else if (place) problems.push("the text places the Front End's issuer but no marker is drawn");
  return problems;
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TIME = /(?:week (\d+) )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (\d\d):(\d\d))?/;

/** "week 6 Monday 09:00" as days since the first Monday (fractional), as the scenarios count weeks. */
function dayNumber(text: string): number | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  const day = 7 * (Number(m[1] ?? 1) - 1) + DAY_NAMES.indexOf(m[2]);
  return day + (Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)) / 1440;
}

/** The timeline: each numbered step and the searchable line at the time the text gives, by the day lines. */
async function timelineProblems(figure: Locator, svg: Locator): Promise<string[]> {
  const lines = (await boxes(svg, '.day-line')).map(centre);
  // Each day label starts 4 px after its line (or ends 4 px before it, at the right edge).
  const labelled = (await boxes(svg, 'text.day')).map((t) => ({
    day: dayNumber(t.text),
    x: lines.find((x) => Math.abs((t.anchor === 'end' ? t.right + 4 : t.left - 4) - x) < 3),
    text: t.text,
  }));
  const unplaced = labelled.find((l) => l.x === undefined || l.day === undefined);
  if (unplaced) return [`the day label "${unplaced.text}" is on no day line`];
  if (labelled.length < 2) return ['the timeline has fewer than two labelled day lines'];
  const [a, b] = [labelled[0], labelled.at(-1)!] as Array<{ day: number; x: number }>;
  const xOf = (when: string) => {
    const day = dayNumber(when);
    return day === undefined ? undefined : a.x + ((day - a.day) / (b.day - a.day)) * (b.x - a.x);
  };
  const problems: string[] = [];
  const items = await seenAll(figure.locator('ol.picture-text li'));
  const badges = await boxes(svg, '.story-badge');
  if (badges.length && badges.length !== items.length)
    problems.push(`${badges.length} numbered steps drawn, ${items.length} listed`);
  const marks = await boxes(svg, '.mark');
  for (const [i, badge] of badges.entries()) {
    // The event itself, in the lane right under its number.
    const under = marks.some(
      (m) =>
        Math.abs(centre(m) - centre(badge)) <= TOLERANCE_PX &&
        m.top >= badge.bottom &&
        m.top - badge.bottom < 12,
    );
    if (!under) problems.push(`step ${i + 1} has no mark under its number (${items[i]})`);
    const expected = xOf(items[i] ?? '');
    if (expected === undefined || Math.abs(centre(badge) - expected) > TOLERANCE_PX)
      problems.push(
        `step ${i + 1} is drawn ${Math.round(centre(badge) - (expected ?? 0))} px from where the text puts it (${items[i]})`,
      );
  }
  const caption = await seen(figure.locator('figcaption'));
  const found = /became searchable ((?:week \d+ )?\w+day \d\d:\d\d)/.exec(caption);
  const [line] = await boxes(svg, '.ev-searchable line');
  if (found && (!line || Math.abs(centre(line) - xOf(found[1])!) > TOLERANCE_PX))
    problems.push(`the searchable line is not at ${found[1]}, where the caption puts it`);
  if (!badges.length) {
    const generated = items.filter((t) => /Exchange generated/.test(t)).map(xOf);
    const drawn = (await boxes(svg, '.ev-generation')).map(centre);
    if (generated.length !== drawn.length || drawn.some((x, i) => Math.abs(x - generated[i]!) > TOLERANCE_PX))
      problems.push(`the generations are not drawn at the ${generated.length} times listed`);
  }
  return problems;
}

/**
 * Every picture of the page as the browser rendered it: a non-zero size, ink in its screenshot, a title
 * and description, and its marks where its text's numbers put them. Screenshots go to `shots` if given.
 */
export async function picturesIn(
  page: Page,
  shots?: string,
): Promise<{ pictures: SeenPicture[]; problems: PictureProblem[] }> {
  const helper = await page.context().newPage();
  if (shots) mkdirSync(shots, { recursive: true });
  const pictures: SeenPicture[] = [];
  const problems: PictureProblem[] = [];
  try {
    const figures = page.locator('figure.picture-figure');
    for (let i = 0; i < (await figures.count()); i++) {
      const figure = figures.nth(i);
      const svg = figure.locator('svg.picture');
      const id = (await svg.getAttribute('id')) ?? `#${i}`;
      const kind = (await svg.getAttribute('class'))?.replace('picture ', '') ?? '';
      const scenario = await seen(figure.locator('figcaption b'));
      pictures.push({ id, kind, scenario });
      const found = (problem: string) => problems.push({ picture: `${kind} ${id} (${scenario})`, problem });
      if (
        !(await svg.locator(':scope > title').textContent())?.trim() ||
        !(await svg.locator(':scope > desc').textContent())?.trim()
      )
        found('no <title> or <desc> for screen readers');
      await svg.scrollIntoViewIfNeeded();
      const box = await svg.boundingBox();
      if (!box || box.width < 1 || box.height < 1) {
        found(`rendered ${Math.round(box?.width ?? 0)}×${Math.round(box?.height ?? 0)} px`);
        continue;
      }
      const png = await svg.screenshot(shots ? { path: join(shots, `${id}.png`) } : {});
      const { ink, colours } = await inkOf(helper, png);
      if (ink < 0.005 || colours < 3)
        found(`blank: ${(ink * 100).toFixed(1)}% of its pixels carry ink, ${colours} colours`);
      const geometry =
        kind === 'issuer-list' ? await issuerListProblems(figure, svg) : await timelineProblems(figure, svg);
      for (const problem of geometry) found(problem);
    }
  } finally {
    await helper.close();
  }
  return { pictures, problems };
}
