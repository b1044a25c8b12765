import { weekTimeText } from '../model/week-time';
import { esc } from './html-util';

/** An SVG picture for the page: scales to the column, readable without script, titled for screen readers. */
export function svgPicture(opts: {
  id: string;
  kind: string;
  width: number;
  height: number;
  title: string;
  desc: string;
  body: string;
  data?: Record<string, string | number>;
}): string {
  const data = Object.entries(opts.data ?? {})
    .map(([k, v]) => ` data-${k}="${esc(v)}"`)
    .join('');
  return `<svg class="picture ${esc(opts.kind)}" id="${esc(opts.id)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${opts.width} ${opts.height}" width="${opts.width}" height="${opts.height}" role="img" aria-labelledby="${esc(opts.id)}-title ${esc(opts.id)}-desc"${data}><title id="${esc(opts.id)}-title">${esc(opts.title)}</title><desc id="${esc(opts.id)}-desc">${esc(opts.desc)}</desc>${opts.body}</svg>`;
}

/** Rounds a coordinate for the markup (a tenth of a unit is finer than any screen or printer shows). */
export const px = (n: number) => String(Math.round(n * 10) / 10);

export function svgText(
  x: number,
  y: number,
  text: string,
  attrs: { anchor?: 'start' | 'middle' | 'end'; cls?: string; extra?: string } = {},
): string {
  const anchor = attrs.anchor && attrs.anchor !== 'start' ? ` text-anchor="${attrs.anchor}"` : '';
  const cls = attrs.cls ? ` class="${attrs.cls}"` : '';
  return `<text x="${px(x)}" y="${px(y)}"${anchor}${cls}${attrs.extra ?? ''}>${esc(text)}</text>`;
}

/** "Tuesday 05:00", "week 6 Monday 09:00": a time on the virtual clock as the scenarios write it. */
export const dayTime = (t: number) => weekTimeText(t);

/** The day of a midnight, as a day line's label: "Tuesday", "week 6 Monday". */
export const dayLabel = (t: number) => weekTimeText(t).slice(0, -6);

/** "05:00": the time under a mark (its day is the day lines'). */
export const clockTime = (t: number) => new Date(t).toISOString().slice(11, 16);

/** A wait in hours and minutes: "43 hours", "53 hours 59 minutes". */
export function waitText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} hour${h === 1 ? '' : 's'}${m ? ` ${m} minute${m === 1 ? '' : 's'}` : ''}`;
}
