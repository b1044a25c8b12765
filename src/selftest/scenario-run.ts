import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULE_FAILURES } from '../report/rule-evidence';
import { readRunMessages, type ScenarioRun } from '../report/run-messages';
import { type FaultSide, SELFTEST_FAULT_ENV, type SelftestOrder } from './mechanism-fault';

const BIN = join(__dirname, '..', '..', 'bin', 'lync-harness.js');

/**
 * Whether a failed scenario failed because of the fault on `side`, not because a mock or the harness
 * broke. The same scenario passed without the fault, so a rule check that fails now is the fault's doing;
 * on the model's side it must be a two-witness check (a RuleViolation: the model and the wire disagreed).
 */
export function caughtOn(side: FaultSide, s: ScenarioRun): boolean {
  if (s.status === 'passed' || !s.errorType || !RULE_FAILURES.has(s.errorType)) return false;
  return side === 'mocks' || s.errorType === 'RuleViolation';
}

/** Runs the scenarios of `rules`, with the order's faults when given; what ran, by scenario. */
export function runScenarios(rules: string[], services: string, order?: SelftestOrder): ScenarioRun[] {
  const out = join(mkdtempSync(join(tmpdir(), 'lh-selftest-')), 'run');
  const env = { ...process.env };
  if (order) env[SELFTEST_FAULT_ENV] = JSON.stringify(order);
  else delete env[SELFTEST_FAULT_ENV];
  const tags = rules.map((r) => `@${r}`).join(' or ');
  const args = [BIN, 'run', '--tags', tags, '--services', services, '--out', out, '--quiet'];
  spawnSync(process.execPath, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const file = join(out, 'messages.ndjson');
  if (!existsSync(file)) throw new Error(`[selftest] the run with tags ${tags} wrote no messages`);
  return readRunMessages(file).scenarios.filter((s) => s.status !== 'unknown');
}
