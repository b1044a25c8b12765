import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFixtureRun } from '../../test/fixtures/report-run';
import { loadCatalog } from '../catalog/catalog';
import { diffFlows } from './flow-diff';
import { createManifest, writeManifest } from './manifest';
import { readRunMessages } from './run-messages';
import { writeRunReport } from './write-report';

const catalog = loadCatalog();

const OUT_OF_THE_BOX = `flows:
  - target: displayName
    source: displayName
  - target: targetAddress
    source: mail
    prefix: "SMTP:"
`;
const WITH_SIP = `${OUT_OF_THE_BOX}  - target: msRTCSIP-PrimaryUserAddress
    source: msRTCSIP-PrimaryUserAddress
    prefix: "sip:"
`;

/** A finished run of the fixture with the given flow file, its report written. */
function runWith(flow: string, failGal05: boolean, baseline?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lh-regression-'));
  const flowFile = join(dir, 'galsync.yaml');
  writeFileSync(flowFile, flow);
  const config = { ...writeFixtureRun(dir, { failGal05 }), galsyncFlow: flowFile };
  const manifest = { ...createManifest(config, catalog), status: 'passed' as const };
  writeManifest(dir, manifest);
  const run = readRunMessages(join(dir, 'messages.ndjson'));
  return { dir, ...writeRunReport({ outDir: dir, catalog, run, manifest, baseline }) };
}

test('against a baseline: rules whose status changed, objects whose outcome changed, the flow diff', () => {
  const approved = runWith(OUT_OF_THE_BOX, false);
  const next = runWith(WITH_SIP, true, approved.dir);
  const r = next.report.regression!;
  assert.deepEqual(r.rules, [{ id: 'GAL-05', before: 'passed', after: 'failed' }]);
  assert.equal(r.flow.changed, true);
  assert.deepEqual(
    r.flow.changes?.map((c) => [c.path, c.before, c.after]),
    [
      ['flows[msRTCSIP-PrimaryUserAddress].prefix', undefined, 'sip:'],
      ['flows[msRTCSIP-PrimaryUserAddress].source', undefined, 'msRTCSIP-PrimaryUserAddress'],
      ['flows[msRTCSIP-PrimaryUserAddress].target', undefined, 'msRTCSIP-PrimaryUserAddress'],
    ],
  );
  assert.equal(r.objects.changed, 0, 'the fixture objects are the same in both runs');
  const html = readFileSync(join(next.dir, 'report.html'), 'utf8');
  assert.match(html, /Changes since the approved run/);
  assert.match(html, /GALSync flow changed/);
});

test('objects whose outcome changed are listed, and all of them go to regression.csv', () => {
  const approved = runWith(OUT_OF_THE_BOX, false);
  // Approve a run where Anna Berg had a blocking finding and Person 7 held; now it is the other way round.
  const findings = JSON.parse(readFileSync(join(approved.dir, 'findings.json'), 'utf8'));
  findings.objects['CN=Anna Berg,OU=GALSync,DC=xyz,DC=corp'].findings = [
    {
      rule: 'GAL-03',
      outcome: 'finding',
      severity: 'blocking',
      message: 'lacks the sip: prefix',
      witnesses: ['model'],
    },
  ];
  const person7 = findings.objects['CN=Person 7,OU=GALSync,DC=abc,DC=corp'].findings;
  person7[0] = { rule: 'GAL-03', outcome: 'holds', message: 'carries the sip: prefix', witnesses: ['model'] };
  writeFileSync(join(approved.dir, 'findings.json'), JSON.stringify(findings));
  const next = runWith(OUT_OF_THE_BOX, false, approved.dir);
  const r = next.report.regression!;
  assert.equal(r.flow.changed, false);
  assert.deepEqual(
    r.objects.rows.map((x) => [x.dn, x.rule, x.before, x.after]),
    [
      // What got worse comes first, though Anna Berg comes first in the run.
      [
        'CN=Person 7,OU=GALSync,DC=abc,DC=corp',
        'GAL-03',
        'holds: carries the sip: prefix',
        'blocking: "person.7@abc.corp" lacks the sip: prefix',
      ],
      [
        'CN=Anna Berg,OU=GALSync,DC=xyz,DC=corp',
        'GAL-03',
        'blocking: lacks the sip: prefix',
        'holds: carries the sip: prefix (sip:anna.berg@abc.corp)',
      ],
    ],
  );
  const csv = readFileSync(join(next.dir, 'regression.csv'), 'utf8').trim().split('\r\n');
  assert.equal(csv.length, 3);
});

test('an outcome changes with its status or severity, never with its message alone', () => {
  const approved = runWith(OUT_OF_THE_BOX, false);
  const findings = JSON.parse(readFileSync(join(approved.dir, 'findings.json'), 'utf8'));
  const person = (i: number) => findings.objects[`CN=Person ${i},OU=GALSync,DC=abc,DC=corp`].findings;
  // Person 1 holds in both runs, reworded (as a flow's name in a message); Person 3 was blocking,
  // is a warning now; Person 7 was a warning, is blocking now.
  person(1)[0].message = 'carries the sip: prefix, by flow "out-of-the-box"';
  person(3)[0] = { ...person(3)[0], severity: 'blocking', message: 'was blocking' };
  person(7)[0] = { ...person(7)[0], severity: 'warning', message: 'was a warning' };
  writeFileSync(join(approved.dir, 'findings.json'), JSON.stringify(findings));
  const r = runWith(OUT_OF_THE_BOX, false, approved.dir).report.regression!;
  assert.equal(r.objects.changed, 2);
  assert.equal(r.objects.reworded, 1);
  assert.deepEqual(
    r.objects.rows.map((x) => [x.dn.slice(3, 11), x.before.split(':')[0], x.after.split(':')[0]]),
    [
      ['Person 7', 'warning', 'blocking'],
      ['Person 3', 'blocking', 'warning'],
    ],
  );
  assert.match(r.objects.rows[0].after, /lacks the sip: prefix/, 'the message is shown beside it');
});

test('flow diffs match list items by their target, not their position', () => {
  const before = '{"flows":[{"target":"a","source":"x"},{"target":"b","source":"y"}]}';
  const after = 'flows:\n  - target: b\n    source: y\n  - target: a\n    source: z\n';
  assert.deepEqual(diffFlows(before, after), [{ path: 'flows[a].source', before: 'x', after: 'z' }]);
  assert.equal(diffFlows('flows: [', after), null);
});
