import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type BrowserContext, chromium } from 'playwright-core';
import { type PictureProblem, picturesIn, seen, seenAll } from './support/picture-checks';

// Debian's chromium, driven by playwright-core: no browser download.
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];
const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'reports', 'browser-pictures');

let browser: BrowserContext;
let profile: string;
let html: string;

before(() => {
  // Installs chromium with apt-get when it is missing (as root), or fails naming the package and the command.
  const tools = spawnSync(process.execPath, [join(ROOT, 'scripts', 'system-tools.js'), 'chromium'], {
    encoding: 'utf8',
  });
  assert.equal(tools.status, 0, tools.stderr);
  // A real run of every OAB and REPL scenario: the pictures are drawn from what it observed.
  rmSync(OUT, { recursive: true, force: true });
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'bin', 'lync-harness.js'), 'run', '--tags', '@OAB or @REPL', '--out', OUT, '--quiet'],
    { encoding: 'utf8', cwd: ROOT },
  );
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  html = join(OUT, 'report.html');
});

before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'lh-chromium-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
});

after(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

const describe = (problems: PictureProblem[]) => problems.map((p) => `${p.picture}: ${p.problem}`).join('\n');

test('every OAB scenario has its timeline and every replication its issuer list, rendered as the numbers say', {
  timeout: 300_000,
}, async () => {
  const page = await browser.newPage();
  await page.goto(`file://${html}`);
  const { pictures, problems } = await picturesIn(page, join(OUT, 'pictures'));
  assert.equal(describe(problems), '');
  const count = (kind: string) => pictures.filter((p) => p.kind === kind).length;
  const scenarios = (tag: string) =>
    readFileSync(join(OUT, 'messages.ndjson'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"pickle"') && line.includes(`"name":"${tag}`)).length;
  assert.equal(count('oab-timeline'), scenarios('@OAB-'), 'one timeline per OAB scenario');
  assert.ok(count('issuer-list') >= scenarios('@REPL-'), 'at least one issuer list per REPL scenario');

  // The notes' example as they tell it: six numbered steps, Monday 09:00 to Wednesday 09:00, 43 hours.
  const notes = page.locator('figure', { hasText: "The notes' worked example, Monday to Wednesday" });
  const steps = await seenAll(notes.locator('ol.picture-text li'));
  assert.deepEqual(
    steps.map((s) => s.split(':')[0]),
    ['Monday 09', 'Monday 14', 'Tuesday 05', 'Tuesday 09', 'Tuesday 11', 'Wednesday 09'],
  );
  assert.match(steps[5], /Lync finds Nora Vik, 43 hours after the change/);
  await notes.screenshot({ path: join(OUT, 'pictures', 'notes-example.png') });

  // The Front End's issuer past the line where the store is too big, within it where it is small.
  const cut = page.locator('figure', {
    hasText: 'A Windows Server 2008 R2 Edge whose store holds 300 trusted roots',
  });
  assert.match(await seen(cut.first()), /past the 16,384-byte limit; the list does not name it/);
  const small = page.locator('figure', {
    hasText: 'A Windows Server 2008 R2 Edge whose store holds 100 trusted roots',
  });
  assert.match(await seen(small.first()), /within the 16,384-byte limit; the list names it/);

  // On paper: every picture fits the A4 column and keeps its size.
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 703, height: 1000 });
  const printed = await picturesIn(page);
  assert.equal(describe(printed.problems), '', 'the pictures also render at the printed width');
  await page.close();
});

test('the pictures need no script: with JavaScript off they render as they do with it', {
  timeout: 300_000,
}, async () => {
  const scriptless = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const context = await scriptless.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`file://${html}`);
    assert.equal(await page.locator('#f-count').textContent(), '', "the page's own script did not run");
    const { pictures, problems } = await picturesIn(page);
    assert.ok(pictures.length > 0);
    assert.equal(describe(problems), '');
  } finally {
    await scriptless.close();
  }
});

test('the checks fail on a broken picture: one without width, a marker on the wrong side of the line', {
  timeout: 120_000,
}, async () => {
  const page = await browser.newPage();
  const broken = join(OUT, 'report-broken.html');
  const original = readFileSync(html, 'utf8');
  // The first timeline drawn with no width; in the 300-root issuer list, the Front End's issuer moved
  // from past the limit line to the start of the store.
  const at300 = original.indexOf('whose store holds 300 trusted roots</b>');
  const sabotaged =
    original.slice(0, at300).replace(/(<svg class="picture oab-timeline")/, '$1 style="width:0"') +
    original
      .slice(at300)
      .replace(/(class="issuer-marker" data-start="\d+" data-end="\d+"><rect x=")[\d.]+"/, '$1150"');
  assert.notEqual(sabotaged, original);
  writeFileSync(broken, sabotaged);
  await page.goto(`file://${broken}`);
  const { problems } = await picturesIn(page);
  const text = describe(problems);
  assert.match(text, /oab-timeline.*: rendered 0×\d+ px/);
  assert.match(
    text,
    /issuer-list.*300 trusted roots.*: the Front End's issuer is drawn at \d+ bytes, the text says 40,/,
  );
  assert.match(
    text,
    /issuer-list.*300 trusted roots.*: the Front End's issuer is drawn on the wrong side of the limit line \(the text says past it\)/,
  );
  await page.close();
});
