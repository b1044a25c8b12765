import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../catalog/catalog';
import { RULE_FAILURES } from '../report/rule-evidence';
import { readRunMessages, ruleTags } from '../report/run-messages';
import { MECHANISM_FAULTS, type MechanismFault, SELFTEST_FAULT_ENV } from '../selftest/faults';
import { UsageError } from './usage-error';

export const SELFTEST_HELP = `Usage: lync-harness selftest [--services embedded|containers] [--rule ID]

Proves that the rules can fail from their mechanism: for each mechanism fault of src/selftest/faults.ts
(the Edge's issuer list, the OAB schedule, the contact and subscription limits, the Unified Contact Store,
...), runs the scenarios of the rules it concerns with the fault put into the mock services through their
admin API, and prints rule -> fault -> caught by N scenarios. The same scenarios must first pass without it.

Options:
  --services MODE   embedded (default) or containers
  --rule ID         only the faults that concern this rule
  --help            this text

Exit status: 0 every fault was caught; 1 a fault was caught by no scenario, or a scenario failed without
any fault; 2 usage.`;

const BIN = join(__dirname, '..', '..', 'bin', 'lync-harness.js');

interface Outcome {
  /** Per scenario that ran: its rule tags, and whether a rule or a witness made it fail. */
  scenarios: Array<{ rules: string[]; caught: boolean }>;
  ran: number;
  failed: string[];
  /** Failed for another reason than a rule or a witness disagreeing: a broken mock, the harness. */
  broken: string[];
}

/** Runs the scenarios of `tags`, with `fault` injected when given; what ran and what failed. */
function runScenarios(tags: string, services: string, fault?: MechanismFault): Outcome {
  const out = join(mkdtempSync(join(tmpdir(), 'lh-selftest-')), 'run');
  const env = { ...process.env };
  if (fault) env[SELFTEST_FAULT_ENV] = JSON.stringify(fault.calls);
  else delete env[SELFTEST_FAULT_ENV];
  const args = [BIN, 'run', '--tags', tags, '--services', services, '--out', out, '--quiet'];
  spawnSync(process.execPath, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const run = readRunMessages(join(out, 'messages.ndjson'));
  const ran = run.scenarios.filter((s) => s.status !== 'unknown');
  const failed = ran.filter((s) => s.status !== 'passed');
  const broken = failed.filter((s) => !s.errorType || !RULE_FAILURES.has(s.errorType));
  return {
    scenarios: ran.map((s) => ({
      rules: ruleTags(s.tags),
      caught: s.status !== 'passed' && !broken.includes(s),
    })),
    ran: ran.length,
    failed: failed.filter((s) => !broken.includes(s)).map((s) => s.name),
    broken: broken.map((s) => `${s.name}: ${s.error?.split('\n')[0] ?? s.status}`),
  };
}

const tagsOf = (rules: string[]) => rules.map((r) => `@${r}`).join(' or ');

export async function selftestCommand(args: string[]): Promise<number> {
  let values: { services?: string; rule?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        services: { type: 'string' },
        rule: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(SELFTEST_HELP);
    return 0;
  }
  const services = values.services ?? 'embedded';
  if (services !== 'embedded' && services !== 'containers')
    throw new UsageError(`--services must be embedded or containers, got ${services}`);
  const known = new Set(loadCatalog().rules.map((r) => r.id));
  const unknown = MECHANISM_FAULTS.flatMap((f) => f.rules).filter((id) => !known.has(id));
  if (unknown.length)
    throw new Error(`[selftest] faults name rules the catalog lacks: ${unknown.join(', ')}`);
  const faults = MECHANISM_FAULTS.filter((f) => !values.rule || f.rules.includes(values.rule));
  if (faults.length === 0) throw new UsageError(`no mechanism fault concerns ${values.rule}`);

  const clean = runScenarios(tagsOf(faults.flatMap((f) => f.rules)), services);
  if (clean.ran === 0 || clean.failed.length) {
    console.log(
      `selftest: without any fault ${clean.failed.length} of ${clean.ran} scenarios failed: ${clean.failed.join('; ')}`,
    );
    return 1;
  }
  let uncaught = 0;
  console.log('| rule | mechanism fault | caught by |');
  console.log('| --- | --- | --- |');
  for (const fault of faults) {
    const seen = runScenarios(tagsOf(fault.rules), services, fault);
    for (const b of seen.broken) console.error(`selftest: not counted as caught (the harness broke): ${b}`);
    for (const rule of fault.rules.filter((r) => !values.rule || r === values.rule)) {
      const mine = seen.scenarios.filter((s) => s.rules.includes(rule));
      const caught = mine.filter((s) => s.caught).length;
      if (caught === 0) uncaught++;
      console.log(
        `| ${rule} | ${fault.fault} | ${caught ? `${caught} of ${mine.length} scenarios` : `NO scenario (of ${mine.length}): not caught`} |`,
      );
    }
  }
  const covered = new Set(MECHANISM_FAULTS.flatMap((f) => f.rules));
  const without = loadCatalog()
    .rules.map((r) => r.id)
    .filter((id) => !covered.has(id));
  if (!values.rule)
    console.log(
      `\n${covered.size} of ${covered.size + without.length} rules have a mechanism fault; none yet: ${without.join(', ')}`,
    );
  console.log(
    uncaught
      ? `selftest: ${uncaught} rule(s) did not catch their fault`
      : 'selftest: every rule caught its fault',
  );
  return uncaught ? 1 : 0;
}
