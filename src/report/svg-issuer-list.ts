import { esc, num } from './html-util';
import type { IssuerListRecord } from './picture-records';
import { px, svgPicture, svgText } from './svg-util';

const W = 900;
const LEFT = 150;
const RIGHT = 24;
const HEIGHT = 168;
const STORE_Y = 30;
const SENT_Y = 70;
const BAR = 22;
const AXIS_Y = 140;
const KB = 1024;

const STORE_NAMES: Record<string, string> = {
  Root: 'Trusted Root Certification Authorities',
  ClientAuthIssuer: 'Client Authentication Issuers',
};
const OS_NAMES: Record<string, string> = {
  windows2008r2: 'Windows Server 2008 R2',
  windows2012: 'Windows Server 2012',
};

const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);

/** Where the Front End's issuer sits in the store, in bytes, and whether it fits under the limit. */
export function issuerPlace(r: IssuerListRecord) {
  const i = r.frontEnd.storeIndex;
  if (i === null) return undefined;
  const start = sum(r.store.nameBytes.slice(0, i));
  const end = start + r.store.nameBytes[i];
  return { index: i, start, end, withinLimit: end <= r.limit };
}

/** Boundaries between names as one path of short strokes (one element, however many names). */
function boundaries(sizes: number[], x: (b: number) => number, y: number): string {
  let at = 0;
  const d = sizes.map((size) => {
    at += size;
    return `M${px(x(at))} ${y}v${BAR}`;
  });
  return d.length ? `<path class="name-edges" d="${d.join('')}"/>` : '';
}

function axis(x: (b: number) => number, max: number, step: number): string {
  const parts = [`<line class="axis" x1="${LEFT}" y1="${AXIS_Y}" x2="${px(x(max))}" y2="${AXIS_Y}"/>`];
  for (let b = 0; b <= max; b += step)
    parts.push(
      `<g class="axis-tick" data-bytes="${b}"><line x1="${px(x(b))}" y1="${AXIS_Y}" x2="${px(x(b))}" y2="${AXIS_Y + 5}"/>${svgText(x(b), AXIS_Y + 17, b ? `${b / KB} KB` : '0', { anchor: 'middle', cls: 'tick' })}</g>`,
    );
  return parts.join('');
}

function issuerMarker(r: IssuerListRecord, x: (b: number) => number): string {
  const place = issuerPlace(r);
  if (!place)
    return svgText(LEFT + 6, SENT_Y + BAR + 26, "The store does not hold the Front End's issuer", {
      cls: 'note',
    });
  const mid = x((place.start + place.end) / 2);
  const right = mid > W - 260;
  const words = `Front End's issuer: name ${place.index + 1} of ${r.store.nameBytes.length}, ${r.frontEnd.listed ? 'listed' : 'not listed'}`;
  return `<g class="issuer-marker" data-start="${place.start}" data-end="${place.end}"><rect x="${px(x(place.start))}" y="${STORE_Y - 3}" width="${px(Math.max(2, x(place.end) - x(place.start)))}" height="${BAR + 6}"/><line x1="${px(mid)}" y1="${STORE_Y + BAR + 3}" x2="${px(mid)}" y2="${SENT_Y + BAR + 10}"/><path d="M${px(mid)} ${SENT_Y + BAR + 4}l-6 10h12z"/>${svgText(right ? mid - 10 : mid + 10, SENT_Y + BAR + 18, words, { anchor: right ? 'end' : 'start', cls: 'note' })}</g>`;
}

function bars(r: IssuerListRecord, x: (b: number) => number): string {
  const storeBytes = sum(r.store.nameBytes);
  const sentBytes = sum(r.sent.nameBytes);
  const sent = r.sent.nameBytes.length
    ? `<rect class="sent-bar" x="${LEFT}" y="${SENT_Y}" width="${px(x(sentBytes) - LEFT)}" height="${BAR}"/>${boundaries(r.sent.nameBytes, x, SENT_Y)}`
    : svgText(
        LEFT + 6,
        SENT_Y + 15,
        r.edge.sendsList ? 'an empty issuer list' : 'no issuer list: SendTrustedIssuerList is off',
        { cls: 'note' },
      );
  return `${svgText(8, STORE_Y + 15, "In the Edge's store", { cls: 'lane-name' })}<rect class="store-bar" x="${LEFT}" y="${STORE_Y}" width="${px(x(storeBytes) - LEFT)}" height="${BAR}"/>${boundaries(r.store.nameBytes, x, STORE_Y)}${svgText(8, SENT_Y + 15, 'Sent on the wire', { cls: 'lane-name' })}${sent}`;
}

function limitLine(r: IssuerListRecord, x: (b: number) => number): string {
  const lx = x(r.limit);
  return `<g class="limit-line" data-bytes="${r.limit}"><line x1="${px(lx)}" y1="${STORE_Y - 14}" x2="${px(lx)}" y2="${AXIS_Y}"/>${svgText(lx + 5, STORE_Y - 6, `Schannel's limit: ${num(r.limit)} bytes`, { cls: 'note' })}</g>`;
}

/** The same facts in sentences: what the picture shows, with every number. */
export function issuerListFacts(r: IssuerListRecord): string[] {
  const storeName = STORE_NAMES[r.edge.source] ?? r.edge.source;
  const storeBytes = sum(r.store.nameBytes);
  const sentBytes = sum(r.sent.nameBytes);
  const sentCount = r.sent.nameBytes.length;
  const left = r.store.nameBytes.length - sentCount;
  const facts = [
    `The Edge runs ${OS_NAMES[r.edge.os] ?? r.edge.os}; as Schannel read SendTrustedIssuerList at its last start, it ${r.edge.sendsList ? 'sends' : 'sends no'} trusted issuer list.`,
    `Its ${storeName} store: ${num(r.store.nameBytes.length)} names, ${num(storeBytes)} bytes if every name were sent.`,
    !r.edge.sendsList
      ? 'Sent in the CertificateRequest: no issuer list.'
      : left > 0
        ? `Sent in the CertificateRequest: ${num(sentCount)} names, ${num(sentBytes)} bytes; the ${num(r.limit)}-byte limit cut the other ${num(left)}.`
        : `Sent in the CertificateRequest: every name, ${num(sentCount)} names, ${num(sentBytes)} bytes, within the ${num(r.limit)}-byte limit.`,
  ];
  const place = issuerPlace(r);
  facts.push(
    place
      ? `The Front End's issuer (${r.frontEnd.issuer}) is name ${num(place.index + 1)} of ${num(r.store.nameBytes.length)}, at bytes ${num(place.start)}–${num(place.end)} of the store: ${place.withinLimit ? 'within' : 'past'} the ${num(r.limit)}-byte limit; ${r.frontEnd.listed ? 'the list names it' : 'the list does not name it'}.`
      : "The store does not hold the Front End's issuer.",
    `The Front End offered ${r.frontEnd.offered ? `its certificate “${r.frontEnd.offered}”` : 'no certificate'}, and replication ${r.frontEnd.replicated ? 'succeeded' : 'failed'}.`,
  );
  return facts;
}

/** One replication attempt's issuer list as bytes against the limit, with the Front End's issuer marked. */
export function issuerListFigure(r: IssuerListRecord, id: string, scenario: string): string {
  const storeBytes = sum(r.store.nameBytes);
  const step = Math.max(storeBytes, r.limit) > 32 * KB ? 8 * KB : 4 * KB;
  const max = Math.ceil(Math.max(storeBytes, r.limit, 1) / step) * step;
  const x = (b: number) => LEFT + (b / max) * (W - LEFT - RIGHT);
  const facts = issuerListFacts(r);
  const svg = svgPicture({
    id,
    kind: 'issuer-list',
    width: W,
    height: HEIGHT,
    title: `The Edge's trusted issuer list in bytes (replication ${r.attempt}): ${scenario}`,
    desc: facts.join(' '),
    body: bars(r, x) + limitLine(r, x) + issuerMarker(r, x) + axis(x, max, step),
  });
  const list = facts.map((f) => `<li>${esc(f)}</li>`).join('');
  return `<figure class="picture-figure"><figcaption><b>${esc(scenario)}</b>${r.attempt > 1 ? ` <span class="muted">(replication ${r.attempt})</span>` : ''}</figcaption>${svg}<ul class="picture-text">${list}</ul><p class="legend muted">Each stroke in a bar ends one name (its DER bytes and a 2-byte length). The upright line is Schannel’s limit; the black block and the triangle mark the Front End’s issuer.</p></figure>`;
}
