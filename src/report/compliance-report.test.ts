import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFixtureRun } from '../../test/fixtures/report-run';
import { loadCatalog } from '../catalog/catalog';
import { createManifest, type Manifest } from './manifest';
import { readRunMessages } from './run-messages';
import { writeRunReport } from './write-report';

const catalog = loadCatalog();

function fixture(options: Parameters<typeof writeFixtureRun>[1] = {}, waivers: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lh-report-'));
  const config = writeFixtureRun(dir, options);
  const run = readRunMessages(join(dir, 'messages.ndjson'));
  const manifest: Manifest = { ...createManifest(config, catalog, { waivers }), status: 'failed' };
  return { dir, run, manifest };
}

const rule = (report: ReturnType<typeof writeRunReport>['report'], id: string) =>
  report.rules.find((r) => r.id === id)!;

test('each rule gets its status from the scenarios that ran; nothing unrun is passed', () => {
  const { dir, run, manifest } = fixture({ failGal05: true });
  const { report } = writeRunReport({ outDir: dir, catalog, run, manifest });
  assert.equal(rule(report, 'GAL-03').status, 'passed');
  assert.equal(rule(report, 'GAL-05').status, 'failed');
  assert.equal(rule(report, 'OAB-05').status, 'incomplete', 'selected but never started');
  assert.equal(rule(report, 'SRCH-02').status, 'not run', 'left out by the tag expression');
  assert.equal(rule(report, 'GAL-01').status, 'not covered');
  assert.equal(report.verdict.status, 'failed');
  assert.equal(report.rules.length, catalog.rules.length);
});

test('a rule carries its source, settings, witnesses and evidence', () => {
  const { dir, run, manifest } = fixture({ failGal05: true });
  const { report } = writeRunReport({ outDir: dir, catalog, run, manifest });
  const gal05 = rule(report, 'GAL-05');
  assert.deepEqual(
    gal05.witnesses.find((w) => w.witness === 'ldap'),
    { witness: 'ldap', agreed: 0, disagreed: 1 },
  );
  const gal03 = rule(report, 'GAL-03');
  assert.ok(gal03.sources.some((s) => s.label === 'Field notes' && s.where === 'Tips, item 2'));
  const exchange = gal03.exchanges.find((x) => x.total === 9)!;
  assert.equal(exchange.lines.length, 6, 'a few exchanges inline');
  const whole = JSON.parse(readFileSync(join(dir, exchange.evidence.file), 'utf8'));
  assert.equal(whole.entries.length, 9, 'all of them in the evidence file');
  assert.match(exchange.evidence.file, new RegExp(`${exchange.evidence.sha256}\\.json$`));
  const model = gal03.checks[0].observations.find((o) => o.witness === 'model')!;
  assert.equal(model.decidedBy, 'sipAddressFormat', 'the model function behind the check');
  assert.deepEqual(gal03.findings[0].checkedBy, { model: 42, ldap: 42 });
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  assert.match(html, /<b>model<\/b> <code class="muted">sipAddressFormat\(\)<\/code>/);
  assert.match(html, /model: 42, ldap: 42/);
  // Settings are what the rule's scenarios read, as they used them; not the command line's.
  assert.deepEqual(gal03.settings, [
    {
      name: 'galsyncFlow',
      value: 'documented.yaml',
      isDefault: false,
      description: catalog.settings.galsyncFlow.description,
    },
  ]);
  assert.deepEqual(rule(report, 'GAL-06').settings, [], 'no scenario of GAL-06 ran, so it read none');
  assert.deepEqual(rule(report, 'GAL-06').dependsOn, ['galsyncFlow']);
});

test('an interrupted run is INCOMPLETE, and its unfinished rules are not passed', () => {
  const { dir, run, manifest } = fixture({ finished: false });
  const { report } = writeRunReport({
    outDir: dir,
    catalog,
    run,
    manifest: { ...manifest, status: 'incomplete' },
  });
  assert.equal(report.verdict.status, 'incomplete');
  assert.match(
    report.verdict.headline,
    /^Rules: INCOMPLETE .* · Your tenant: NOT READY, 5 blocking findings$/,
  );
  assert.equal(rule(report, 'OAB-05').status, 'incomplete');
});

test('a waiver shows the rule as waived with its reason and the status underneath', () => {
  const { dir, run, manifest } = fixture(
    { failGal05: true },
    { 'GAL-05': 'accepted: DirSync is replaced next month', 'GAL-03': 'not needed' },
  );
  const { report } = writeRunReport({ outDir: dir, catalog, run, manifest });
  assert.deepEqual(rule(report, 'GAL-05').waiver, {
    reason: 'accepted: DirSync is replaced next month',
    underlying: 'failed',
  });
  assert.equal(rule(report, 'GAL-05').status, 'waived');
  assert.equal(rule(report, 'GAL-03').status, 'passed', 'a waiver never hides a pass');
  assert.notEqual(report.verdict.status, 'failed');
});

test('the run folder gets report.html, report.md, findings.json and findings.csv with every outcome', () => {
  const { dir, run, manifest } = fixture({ objects: 100 });
  const { report } = writeRunReport({ outDir: dir, catalog, run, manifest, findingsLimit: 50 });
  const html = readFileSync(join(dir, 'report.html'), 'utf8');
  assert.doesNotMatch(html, /(src|href)\s*=\s*["']?(https?:)?\/\//i, 'no external URL');
  assert.match(html, /id="verdict" data-verdict="incomplete"/);
  assert.match(html, /holds the 50 most serious of 202 outcomes/);
  assert.equal(report.findings.rows.length, 50);
  assert.equal(report.findings.rows[0][4], 0, 'blocking first');
  const csv = readFileSync(join(dir, 'findings.csv'), 'utf8').trim().split('\r\n');
  assert.equal(csv.length, 1 + 202);
  assert.equal(csv[0], 'dn,forest,rule,outcome,severity,message,witnesses');
  const json = JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8'));
  assert.equal(json.rules['SRCH-02'].status, 'not run');
  assert.equal(json.objects['CN=Jed Hill,OU=GALSync,DC=xyz,DC=corp'].findings[0].severity, 'blocking');
  assert.equal(json.totals.objects, 102);
  assert.match(html, /<section id="divergences">.*OAB-05.*48 hours/s, 'the divergence table');
  const md = readFileSync(join(dir, 'report.md'), 'utf8');
  assert.match(md, /## Where the harness reads the notes differently/);
  assert.match(md, /\*\*Rules: INCOMPLETE /);
  assert.match(md, /\*\*Your tenant: NOT READY, \d+ blocking findings\*\*/);
  assert.match(html, /id="verdict-tenant">Your tenant: NOT READY/);
  const written = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  assert.equal(written.verdict.rules.status, 'incomplete');
  assert.equal(written.verdict.tenant.status, 'not ready');
  assert.match(md, /### GAL-03: PASSED \(documented\)/);
  assert.match(md, /CN=Jed Hill,OU=GALSync,DC=xyz,DC=corp \| GAL-03 \| blocking/);
});

test('a missing evidence file is reported, not a crash', () => {
  const { dir, run, manifest } = fixture();
  const summary = run.scenarios.flatMap((s) => s.attachments).find((a) => a.mediaType.includes('findings'))!;
  rmSync(join(dir, JSON.parse(summary.body).evidence.file));
  const { report } = writeRunReport({ outDir: dir, catalog, run, manifest });
  assert.ok(
    report.verdict.details.some((d) => /1 evidence file of tenant findings could not be found/.test(d)),
  );
});

test('a scenario broken by a mock or the harness is told apart from a rule that did not hold', () => {
  const { dir, run, manifest } = fixture({ failGal05: true });
  const gal05 = () => rule(writeRunReport({ outDir: dir, catalog, run, manifest }).report, 'GAL-05');
  assert.equal(gal05().scenarios[0].harnessError, false, 'a RuleViolation is the rule failing');
  run.scenarios.find((s) => s.tags.includes('@GAL-05'))!.errorType = 'Error';
  const { report } = writeRunReport({ outDir: dir, catalog, run, manifest });
  assert.equal(rule(report, 'GAL-05').status, 'failed', 'still never passed');
  assert.equal(rule(report, 'GAL-05').scenarios[0].harnessError, true);
  assert.ok(
    report.verdict.details.some((d) =>
      /1 scenario failed because a mock service or the harness broke/.test(d),
    ),
  );
});
