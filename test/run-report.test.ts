import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

const BIN = join(__dirname, '..', 'bin', 'lync-harness.js');
const tmp = () => mkdtempSync(join(tmpdir(), 'lh-run-report-'));

test('a run writes its report files and ends by printing the report path', () => {
  const out = join(tmp(), 'run');
  const result = spawnSync(process.execPath, [BIN, 'run', '--tags', '@GAL-03', '--out', out, '--quiet'], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trim().split('\n');
  assert.match(lines.at(-1)!, /^report: .*report\.html$/);
  for (const file of [
    'report.html',
    'report.md',
    'manifest.json',
    'findings.json',
    'findings.csv',
    'junit.xml',
  ])
    assert.ok(existsSync(join(out, file)), file);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  assert.equal(manifest.status, 'passed');
  assert.equal(manifest.tags, '@GAL-03');
  assert.match(manifest.catalog.sha256, /^[0-9a-f]{64}$/);
  assert.ok(manifest.endedAt >= manifest.startedAt);
  const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8'));
  assert.equal(findings.rules['GAL-03'].status, 'passed');
  assert.equal(findings.rules['GAL-04'].status, 'not run', 'left out by --tags, so not passed');

  const rebuilt = spawnSync(process.execPath, [BIN, 'report', out], { encoding: 'utf8' });
  assert.equal(rebuilt.status, 0, rebuilt.stderr);
  assert.match(rebuilt.stdout, /report: .*report\.html\n$/);
});

test('bad --baseline and --waive input exit 2 before anything runs', () => {
  const baseline = spawnSync(process.execPath, [BIN, 'run', '--baseline', '/nonexistent/run'], {
    encoding: 'utf8',
  });
  assert.equal(baseline.status, 2);
  assert.match(baseline.stderr, /--baseline \/nonexistent\/run: no findings\.json there/);
  const waive = spawnSync(process.execPath, [BIN, 'run', '--waive', 'GAL-99=because'], { encoding: 'utf8' });
  assert.equal(waive.status, 2);
  assert.match(waive.stderr, /cannot waive GAL-99: the catalog has no such rule/);
  const report = spawnSync(process.execPath, [BIN, 'report', tmp()], { encoding: 'utf8' });
  assert.equal(report.status, 2);
  assert.match(report.stderr, /messages\.ndjson does not exist/);
});

test('Ctrl-C during a run still writes the report, marked incomplete, and exits 130', {
  timeout: 300_000,
}, async () => {
  const out = join(tmp(), 'run');
  const mark = `ctrl-c-${process.pid}-${Date.now()}`;
  // The first scenario holds (a test-only hook) until the run is interrupted: no race with its end.
  const child = spawn(process.execPath, [BIN, 'run', '--out', out, '--quiet'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LYNC_HARNESS_TEST_HOLD: '1', LYNC_HARNESS_TEST_MARK: mark },
  });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const messages = join(out, 'messages.ndjson');
  while (!(existsSync(messages) && readFileSync(messages, 'utf8').includes('testCaseStarted'))) {
    if (child.exitCode !== null) break;
    await sleep(20);
  }
  child.kill('SIGINT');
  assert.equal(await exited, 130, stdout);
  assert.match(stdout, /INCOMPLETE/);
  assert.match(stdout, /report: .*report\.html\n$/);
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  assert.match(html, /data-verdict="incomplete"/);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  assert.equal(manifest.status, 'incomplete');
  const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8'));
  const statuses = Object.values(findings.rules).map((r) => (r as { status: string }).status);
  assert.ok(statuses.includes('incomplete'), 'rules whose scenarios did not run are incomplete');
  // The mock services the run started are gone with it (they carry its environment, so its mark).
  while (processesMarked(mark).length) await sleep(20);
});

/** Processes whose environment holds `mark` (Linux /proc). */
function processesMarked(mark: string): string[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(mark);
      } catch {
        return false;
      }
    });
}

test('two runs started at the same moment get run folders of their own; bad input leaves none', async () => {
  const root = tmp();
  const start = () =>
    new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'run', '--quiet', '--tags', '@PHONE-04'], { cwd: root });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.on('exit', () => resolve(stdout));
    });
  const [a, b] = await Promise.all([start(), start()]);
  const folder = (out: string) => /report: (reports\/[^/]+)\/report\.html/.exec(out)?.[1];
  assert.ok(folder(a) && folder(b), `${a}\n${b}`);
  assert.notEqual(folder(a), folder(b));
  const bad = spawnSync(process.execPath, [BIN, 'run', '--tenant', join(root, 'missing.ldif')], {
    cwd: root,
  });
  assert.equal(bad.status, 2);
  assert.equal(readdirSync(join(root, 'reports')).length, 2, 'the stopped run left no folder');
});
