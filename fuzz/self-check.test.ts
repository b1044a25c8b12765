import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runProtocol } from './campaign';
import { ldapProtocol } from './ldap-protocol';
import { formatTally } from './tally';

/**
 * The fuzzer's own checks can fail: a server with a planted defect (planted-fault.ts), triggered by LDAP
 * requests that name CN=Nobody, is reported as dead, hung or unhealthy, and the input is found and kept.
 */
async function runPlanted(plant: string) {
  const corpusDir = mkdtempSync(join(tmpdir(), 'fuzz-self-check-'));
  try {
    const tally = await runProtocol(ldapProtocol, {
      count: 40,
      seed: 1,
      batch: 20,
      timeoutMs: 1000,
      corpusDir,
      maxFailures: 1,
      minimiseTrials: 0,
      triage: 1,
      env: { FUZZ_PLANT: plant },
      log: () => {},
    });
    const culprit = tally.failures[0]?.culprit;
    return {
      tally,
      report: formatTally(tally),
      kept: culprit?.file ? readFileSync(culprit.file) : undefined,
    };
  } finally {
    rmSync(corpusDir, { recursive: true, force: true });
  }
}

for (const [plant, kind] of [
  ['crash:CN=Nobody', 'death'],
  ['hang:CN=Nobody', 'hang'],
  ['deaf:CN=Nobody', 'unhealthy'],
] as const) {
  test(`a planted ${kind} (${plant}) fails the run, and the input that causes it is kept`, {
    timeout: 240_000,
  }, async () => {
    const { tally, report, kept } = await runPlanted(plant);
    assert.ok(tally.failed, report);
    assert.equal(tally.failures[0]?.kind, kind, report);
    assert.match(report, new RegExp(`FAILED ${kind}`));
    assert.ok(kept?.includes('CN=Nobody'), `the kept input names CN=Nobody\n${report}`);
  });
}
