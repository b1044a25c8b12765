import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCatalog } from '../src/catalog/catalog';

/** How many rules the catalog holds: a run with one rule selected leaves the rest not checked. */
const RULES = loadCatalog().rules.length;

const BIN = join(__dirname, '..', 'bin', 'lync-harness.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

test('a malformed tenant LDIF exits 2 naming file, line and attribute, before any scenario runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-cli-'));
  const bad = join(dir, 'bad.ldif');
  writeFileSync(bad, 'dn: CN=Jed Hill,DC=xyz,DC=corp\nobjectClass: contact\nobjectGUID:: not*base64\n');
  const result = run('run', '--tenant', bad, '--out', join(dir, 'out'));
  assert.equal(result.status, 2);
  assert.match(result.stderr, /bad\.ldif:3: attribute 'objectGUID': invalid base64/);
  assert.doesNotMatch(result.stdout, /passed/);
});

test('an unreadable tenant file exits 2 with its name', () => {
  const result = run('run', '--tenant', '/nonexistent/abc.ldif');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /\/nonexistent\/abc\.ldif:0: cannot read the file \(ENOENT\)/);
});

test('usage errors exit 2 and point to --help', () => {
  const unknown = run('run', '--no-such-option');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /see lync-harness run --help/);
  const setting = run('run', '--setting', 'oabProfile=exchange2016');
  assert.equal(setting.status, 2);
  assert.match(setting.stderr, /setting oabProfile takes exchange2010 or exchange2013/);
  assert.equal(run('frobnicate').status, 2);
});

test('--help explains every option of run', () => {
  const result = run('run', '--help');
  assert.equal(result.status, 0);
  for (const option of [
    '--tenant',
    '--sample-size',
    '--galsync',
    '--setting',
    '--tags',
    '--services',
    '--out',
    '--fail-on-findings',
  ]) {
    assert.match(result.stdout, new RegExp(option));
  }
});

test('a malformed GALSync flow file exits 2 naming the file and the problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-cli-'));
  const flow = join(dir, 'flow.yaml');
  writeFileSync(flow, 'name: broken\nflows: []\n');
  const result = run('run', '--galsync', flow, '--out', join(dir, 'out'));
  assert.equal(result.status, 2);
  assert.match(result.stderr, /flow\.yaml: "flows" must list at least one rule/);
});

test('the rules pass and the tenant is not ready: two verdicts; --fail-on-findings makes that exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-cli-'));
  const gate = ['--tags', '@GAL-07 and @tenant-check', '--quiet'];
  const plain = run('run', ...gate, '--out', join(dir, 'plain'));
  assert.equal(plain.status, 0, plain.stderr);
  assert.match(
    plain.stdout,
    new RegExp(
      `lync-harness: Rules: PARTIAL 1/${RULES} passed, ${RULES - 1} not checked · Your tenant: NOT READY, 1 blocking finding\n`,
    ),
  );
  const strict = run('run', ...gate, '--fail-on-findings', '--out', join(dir, 'strict'));
  assert.equal(strict.status, 1);
  const manifest = JSON.parse(readFileSync(join(dir, 'strict', 'manifest.json'), 'utf8'));
  assert.equal(manifest.verdict.tenant.status, 'not ready');
  assert.equal(manifest.verdict.rules.status, 'partial');
});
