import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium, type Locator } from 'playwright-core';
import { loadCatalog } from '../src/catalog/catalog';
import { createManifest } from '../src/report/manifest';
import { readRunMessages } from '../src/report/run-messages';
import { writeRunReport } from '../src/report/write-report';
import { writeFixtureRun } from './fixtures/report-run';

// Debian's chromium (scripts/system-tools.js installs it), driven by playwright-core: no browser download.
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** What a person sees of an element: its rendered text. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what this test checks.
const seen = (element: Locator) => element.innerText();
const OUT = join(__dirname, '..', 'reports', 'browser-test');

/** A failed fixture run with every kind of evidence, written where people can open it afterwards. */
function writeReport(): string {
  rmSync(OUT, { recursive: true, force: true });
  const catalog = loadCatalog();
  const config = writeFixtureRun(OUT, { failGal05: true, objects: 400 });
  const manifest = {
    ...createManifest(config, catalog),
    status: 'failed' as const,
    endedAt: new Date().toISOString(),
  };
  const run = readRunMessages(join(OUT, 'messages.ndjson'));
  return writeRunReport({ outDir: OUT, catalog, run, manifest }).html;
}

test('a person opens report.html: verdict, a rule’s evidence, filtering the findings, printing', async () => {
  // Installs chromium with apt-get when it is missing (as root), or fails naming the package and the command.
  const tools = spawnSync(
    process.execPath,
    [join(__dirname, '..', 'scripts', 'system-tools.js'), 'chromium'],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(tools.status, 0, tools.stderr);
  const html = writeReport();
  const profile = mkdtempSync(join(tmpdir(), 'lh-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const external: string[] = [];
    browser.on('request', (r) => {
      if (!r.url().startsWith('file:')) external.push(r.url());
    });
    const page = await browser.newPage();
    await page.goto(`file://${html}`);

    const verdict = page.locator('#verdict');
    assert.equal(await verdict.getAttribute('data-verdict'), 'failed');
    assert.match(
      await seen(verdict.locator('#verdict-rules')),
      /^Rules: FAILED \d+\/\d+ passed, 1 rule failed/,
    );
    assert.match(
      await seen(verdict.locator('#verdict-tenant')),
      /^Your tenant: NOT READY, \d+ blocking finding/,
    );
    await page.screenshot({ path: join(OUT, 'report-top.png') });

    const gal05 = page.locator('#rule-GAL-05');
    assert.equal(await seen(gal05.locator('.badge').first()), 'failed');
    assert.match(await seen(gal05.locator('table.checks')), /✘ ldap: false/);
    const gal03 = page.locator('#rule-GAL-03');
    assert.match(
      await seen(gal03.locator('.exchange pre').first()),
      /ldap\.search .*filter=\(cn=Anna Berg\) → resultCode=0 entries=1/,
    );
    const evidenceLink = gal03.locator('.exchange a').first();
    assert.match((await evidenceLink.getAttribute('href')) ?? '', /^evidence\/[0-9a-f]{64}\.json$/);
    await page.evaluate("document.getElementById('rule-GAL-05').scrollIntoView()");
    await page.screenshot({ path: join(OUT, 'report-rule.png') });

    const count = page.locator('#f-count');
    const rows = page.locator('#findings-table tbody tr');
    assert.equal(await seen(count), '802 of 802 rows');
    await page.fill('#f-text', 'jed hill');
    assert.equal(await rows.count(), 1);
    assert.match(await seen(rows.first()), /Jed Hill[\s\S]*GAL-03[\s\S]*blocking/);
    await page.fill('#f-text', '');
    await page.selectOption('#f-rule', { label: 'GAL-05' });
    await page.selectOption('#f-severity', { label: 'blocking' });
    assert.equal(await seen(count), '20 of 802 rows');
    for (const text of await rows.allInnerTexts()) assert.match(text, /GAL-05\s+blocking/);
    await page.locator('#findings-table th[data-col="0"]').click();
    const first = (await seen(rows.first())).split('\n')[0];
    await page.locator('#findings-table th[data-col="0"]').click();
    assert.notEqual((await seen(rows.first())).split('\n')[0], first, 'clicking again reverses the order');
    await page.evaluate("document.getElementById('findings').scrollIntoView()");
    await page.screenshot({ path: join(OUT, 'report-findings.png') });

    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.controls').isVisible(), false, 'no filter controls on paper');
    // The printable width of A4 with the page's margins is 186 mm, about 703 CSS pixels.
    await page.setViewportSize({ width: 703, height: 1000 });
    // (A script string: the test is compiled without the DOM library.)
    const tooWide = await page.evaluate(`[...document.querySelectorAll('main *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((e) => e.tagName + '.' + e.className)`);
    assert.deepEqual(tooWide, [], 'nothing is cut off at the right edge of an A4 page');
    await page.pdf({ path: join(OUT, 'report.pdf'), format: 'A4' });
    assert.ok(statSync(join(OUT, 'report.pdf')).size > 10_000);
    assert.deepEqual(external, [], 'the page loads nothing from outside the run folder');
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
