import assert from 'node:assert/strict';
import { test } from 'node:test';
import { picturesBlock } from './html-pictures';
import { changeStory } from './oab-story';
import {
  ISSUER_LIST_MEDIA_TYPE,
  type IssuerListRecord,
  OAB_TIMELINE_MEDIA_TYPE,
  type OabTimelineRecord,
  readPictureRecord,
} from './picture-records';
import { issuerListFacts, issuerListFigure, issuerPlace } from './svg-issuer-list';
import { oabTimelineFigure } from './svg-oab-timeline';
import { dayTime } from './svg-util';

// 1 December 2014 was a Monday: the virtual clock's first day.
const at = (day: number, h: number, m = 0) => new Date(Date.UTC(2014, 11, day, h, m)).toISOString();

/** The notes' worked example as the Exchange mock and Outlook played it. */
const notesExample: OabTimelineRecord = {
  profile: 'exchange2010',
  end: at(3, 9),
  change: { at: at(1, 14), name: 'Nora Vik' },
  generations: [
    { at: at(1, 5), sequence: 2 },
    { at: at(2, 5), sequence: 3 },
    { at: at(3, 5), sequence: 4 },
  ],
  distributions: [
    { at: at(1, 3), copied: false },
    { at: at(1, 11), copied: true, sequence: 2 },
    { at: at(1, 19), copied: false },
    { at: at(2, 3), copied: false },
    { at: at(2, 11), copied: true, sequence: 3 },
  ],
  outlook: [
    { at: at(1, 9), outcome: 'downloaded', sequence: 1, kind: 'full' },
    { at: at(2, 9), outcome: 'downloaded', sequence: 2, kind: 'diff', files: 1 },
    {
      at: at(3, 9),
      outcome: 'downloaded',
      sequence: 3,
      kind: 'full',
      fallback: 'no differential file for sequence 2 on the server',
    },
  ],
  searchable: at(3, 9),
};

function issuerList(overrides: Partial<IssuerListRecord> = {}): IssuerListRecord {
  return {
    attempt: 1,
    edge: { os: 'windows2008r2', sendsList: true, source: 'Root' },
    limit: 250,
    sent: { nameBytes: [100, 100] },
    store: { nameBytes: [100, 100, 100] },
    frontEnd: {
      issuer: 'CN=ABC Corp Enterprise Root CA',
      storeIndex: 2,
      listed: false,
      offered: null,
      replicated: false,
    },
    ...overrides,
  };
}

test("the notes' Monday-to-Wednesday example is told in their order, from the observed events", () => {
  const story = changeStory(notesExample).map((e) => `${dayTime(e.at)} ${e.lane}: ${e.text}`);
  assert.deepEqual(story, [
    'Monday 09:00 outlook: Outlook downloads the OAB (sequence 1, the Full file)',
    'Monday 14:00 change: the external contact Nora Vik is created',
    'Tuesday 05:00 generation: Exchange generates the OAB with Nora Vik (sequence 3)',
    'Tuesday 09:00 outlook: Outlook checks for a new OAB: it downloads (sequence 2, 1 differential file applied), generated before the change: nothing of Nora Vik',
    'Tuesday 11:00 distribution: the OAB virtual directory is updated (sequence 3)',
    'Wednesday 09:00 outlook: Outlook downloads the OAB with Nora Vik (sequence 3, the Full file, because no differential file for sequence 2 on the server): Lync finds Nora Vik, 43 hours after the change',
  ]);
});

test('a change never seen in Outlook is drawn as not searchable, and its story stops before', () => {
  const never = { ...notesExample, searchable: undefined, outlook: notesExample.outlook.slice(0, 2) };
  const html = oabTimelineFigure(never, 'pic-x', 'x');
  assert.match(html, /not searchable by Wednesday 09:00/);
  assert.doesNotMatch(html, /ev-searchable/);
  assert.doesNotMatch(changeStory(never).at(-1)?.text ?? '', /Lync finds/);
});

test('the timeline is an accessible SVG whose numbered steps are listed in text', () => {
  const html = oabTimelineFigure(notesExample, 'pic-OAB-05-1', "The notes' worked example");
  assert.match(
    html,
    /<svg class="picture oab-timeline" id="pic-OAB-05-1"[^>]* role="img" aria-labelledby="pic-OAB-05-1-title pic-OAB-05-1-desc"/,
  );
  assert.match(html, /<title id="pic-OAB-05-1-title">OAB timeline \(exchange2010 schedule\)/);
  assert.match(
    html,
    /<desc id="pic-OAB-05-1-desc">Nora Vik, created Monday 14:00, became searchable Wednesday 09:00, 43 hours later\./,
  );
  assert.equal(html.match(/class="story-badge"/g)?.length, 6);
  assert.equal(html.match(/<li>/g)?.length, 6);
  assert.match(html, /polls that found nothing new: Monday 03:00, Monday 19:00, Tuesday 03:00/);
});

test("the Front End's issuer is placed by the bytes of the names before it", () => {
  assert.deepEqual(issuerPlace(issuerList()), { index: 2, start: 200, end: 300, withinLimit: false });
  assert.deepEqual(
    issuerPlace(issuerList({ limit: 300 }))?.withinLimit,
    true,
    'a name ending on the limit fits',
  );
  assert.equal(
    issuerPlace(issuerList({ frontEnd: { ...issuerList().frontEnd, storeIndex: null } })),
    undefined,
  );
  const facts = issuerListFacts(issuerList()).join(' ');
  assert.match(facts, /3 names, 300 bytes if every name were sent/);
  assert.match(facts, /2 names, 200 bytes; the 250-byte limit cut the other 1/);
  assert.match(facts, /is name 3 of 3, at bytes 200–300 of the store: past the 250-byte limit/);
  assert.match(facts, /offered no certificate, and replication failed/);
  assert.match(
    issuerListFacts(
      issuerList({ edge: { os: 'windows2012', sendsList: false, source: 'Root' }, sent: { nameBytes: [] } }),
    ).join(' '),
    /Windows Server 2012.*sends no trusted issuer list.*no issuer list/,
  );
});

test('the limit line and the marker are drawn at their bytes on the axis', () => {
  const html = issuerListFigure(
    issuerList({
      limit: 16_384,
      store: { nameBytes: Array(300).fill(135) },
      frontEnd: { ...issuerList().frontEnd, storeIndex: 299 },
    }),
    'p',
    's',
  );
  const x = (re: RegExp) => Number(re.exec(html)?.[1]);
  const tick0 = x(/data-bytes="0"><line x1="([\d.]+)"/);
  const tick40k = x(/data-bytes="40960"><line x1="([\d.]+)"/);
  const scale = (bytes: number) => tick0 + (bytes / 40_960) * (tick40k - tick0);
  assert.ok(Math.abs(x(/class="limit-line" data-bytes="16384"><line x1="([\d.]+)"/) - scale(16_384)) < 0.2);
  const marker = /class="issuer-marker" data-start="(\d+)" data-end="(\d+)"><rect x="([\d.]+)"/.exec(html)!;
  assert.deepEqual([marker[1], marker[2]], ['40365', '40500']);
  assert.ok(Math.abs(Number(marker[3]) - scale(40_365)) < 0.2);
});

test('a malformed picture record becomes a note in the page, never a broken drawing', () => {
  assert.equal(readPictureRecord('text/plain', '{}', 's'), undefined, 'other attachments are not pictures');
  const notJson = readPictureRecord(OAB_TIMELINE_MEDIA_TYPE, '{', 's');
  assert.deepEqual(notJson, {
    kind: 'unreadable',
    scenario: 's',
    problem: `${OAB_TIMELINE_MEDIA_TYPE} is not JSON`,
  });
  const outside = readPictureRecord(
    ISSUER_LIST_MEDIA_TYPE,
    JSON.stringify(issuerList({ frontEnd: { ...issuerList().frontEnd, storeIndex: 3 } })),
    's',
  );
  assert.equal(outside?.kind, 'unreadable');
  assert.match(
    picturesBlock('REPL-01', [outside!]),
    /No picture for “s”: its record could not be read \(.*index 3 of a store of 3\)/,
  );
  const noTimes = readPictureRecord(
    OAB_TIMELINE_MEDIA_TYPE,
    JSON.stringify({ ...notesExample, outlook: [{ at: 'Monday' }] }),
    's',
  );
  assert.match(noTimes?.kind === 'unreadable' ? noTimes.problem : '', /malformed outlook/);
  assert.equal(
    readPictureRecord(OAB_TIMELINE_MEDIA_TYPE, JSON.stringify(notesExample), 's')?.kind,
    'oab-timeline',
  );
});
