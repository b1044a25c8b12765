import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import type { FindingsFile } from '../src/report/finding-types';

const BIN = join(__dirname, '..', 'bin', 'lync-harness.js');

/** The tenant checks on a small generated tenant with `parallel` Cucumber workers: findings.json and .csv. */
async function findingsWith(parallel: number): Promise<{ json: string; csv: string; output: string }> {
  const out = join(mkdtempSync(join(tmpdir(), `lh-parallel-${parallel}-`)), 'run');
  const args = [BIN, 'run', '--quiet', '--out', out, '--sample-size', '600', '--tags', '@tenant-check'];
  const child = spawn(process.execPath, [...args, '--wire-sample', '40', '--parallel', String(parallel)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(status, 0, `--parallel ${parallel} exited ${status}:\n${output}`);
  return {
    json: readFileSync(join(out, 'findings.json'), 'utf8'),
    csv: readFileSync(join(out, 'findings.csv'), 'utf8'),
    output,
  };
}

test('the tenant checks find the same, byte for byte, with one Cucumber worker and with two', async () => {
  const one = await findingsWith(1);
  const two = await findingsWith(2);
  const parsed = JSON.parse(one.json) as FindingsFile;
  assert.ok(
    parsed.totals.findings > 100,
    `the small tenant has findings to compare (${parsed.totals.findings})`,
  );
  assert.ok(/,model ldap\r?\n/.test(one.csv), 'some rows were also checked by a mock (the wire sample)');
  const withoutRunId = (json: string) => json.replace(/"runId":\s*"[^"]*"/, '');
  assert.ok(
    withoutRunId(two.json) === withoutRunId(one.json),
    'findings.json differs between --parallel 1 and 2',
  );
  const lines = [one.csv.split('\n'), two.csv.split('\n')];
  const first = lines[0].findIndex((line, i) => line !== lines[1][i]);
  assert.ok(
    one.csv === two.csv,
    `findings.csv differs from line ${first + 1}:\n  --parallel 1: ${lines[0][first]}\n  --parallel 2: ${lines[1][first]}`,
  );
});
