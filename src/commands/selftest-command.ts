import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../catalog/catalog';
import { readRunMessages, ruleTags } from '../report/run-messages';
import { isThrough, MECHANISM_FAULTS, rulesWithoutOwnFault } from '../selftest/faults';
import type { FaultSide, MechanismFault } from '../selftest/mechanism-fault';
import { faultRounds } from '../selftest/rounds';
import { caughtOn, runScenarios } from '../selftest/scenario-run';
import { UsageError } from './usage-error';

export const SELFTEST_HELP = `Usage: lync-harness selftest [--services embedded|containers] [--rule ID]... [--side mocks|model|both] [--clean RUN]

Proves that every rule can fail from its mechanism: each mechanism fault of src/selftest/faults.ts (the
OAB schedule, the Edge's issuer list, the contact and subscription limits, the Unified Contact Store,
...) is put into the mock services through their admin API, and, apart, into the reference model alone
(its mechanism facts); the scenarios of the rules it concerns run with it, and the table shows per rule
fault -> caught by N scenarios on each side, and whether the fault reaches the rule by the rule's own
mechanism or through a link its scenarios share with another rule (the rules caught only so are named).
The same scenarios must pass without any fault.

Options:
  --services MODE   embedded (default) or containers
  --rule ID         only the faults that concern this rule (repeatable)
  --side SIDE       mocks, model or both (default)
  --clean RUN       a finished run folder (its messages.ndjson) of the same scenarios without any fault,
                    e.g. reports/test-run, instead of running them once more
  --help            this text

Exit status: 0 every fault was caught on every side; 1 a fault was caught by no scenario, a catalog rule
has no mechanism fault, or a scenario failed without any fault; 2 usage. A fault whose mechanism only
a client simulator has (none of the mocks decides it) says why, and runs in the model alone.`;

interface Seen {
  rules: string[];
  /** Failed because a rule did not hold or witnesses disagreed on the side that has the fault. */
  caught: boolean;
}

interface Options {
  services: string;
  rules?: string[];
  sides: FaultSide[];
  clean?: string;
}

function options(args: string[]): Options | undefined {
  let values: { services?: string; rule?: string[]; side?: string; clean?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        services: { type: 'string' },
        rule: { type: 'string', multiple: true },
        side: { type: 'string' },
        clean: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return undefined;
  const services = values.services ?? 'embedded';
  if (services !== 'embedded' && services !== 'containers')
    throw new UsageError(`--services must be embedded or containers, got ${services}`);
  const side = values.side ?? 'both';
  if (side !== 'mocks' && side !== 'model' && side !== 'both')
    throw new UsageError(`--side must be mocks, model or both, got ${side}`);
  if (values.clean && !existsSync(join(values.clean, 'messages.ndjson')))
    throw new UsageError(`--clean ${values.clean}: no messages.ndjson there`);
  const sides: FaultSide[] = side === 'both' ? ['mocks', 'model'] : [side];
  return { services, rules: values.rule, sides, clean: values.clean };
}

/** Each fault's IDs and rules against the catalog: a typo must not pass as "no scenario". */
function checkFaults(known: Set<string>): void {
  const unknown = MECHANISM_FAULTS.flatMap((f) => f.rules).filter((id) => !known.has(id));
  if (unknown.length)
    throw new Error(`[selftest] faults name rules the catalog lacks: ${unknown.join(', ')}`);
  const sideless = MECHANISM_FAULTS.filter(
    (f) => (Object.keys(f.inMocks).length === 0) === !f.noMockSide || Object.keys(f.inModel).length === 0,
  );
  if (sideless.length)
    throw new Error(
      `[selftest] each fault needs inModel, and inMocks or (only then) a noMockSide reason: ${sideless.map((f) => f.id).join(', ')}`,
    );
  const ids = MECHANISM_FAULTS.map((f) => f.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length) throw new Error(`[selftest] fault IDs given twice: ${twice.join(', ')}`);
}

export async function selftestCommand(args: string[]): Promise<number> {
  const o = options(args);
  if (!o) {
    console.log(SELFTEST_HELP);
    return 0;
  }
  const catalog = loadCatalog().rules.map((r) => r.id);
  checkFaults(new Set(catalog));
  for (const rule of o.rules ?? [])
    if (!catalog.includes(rule)) throw new UsageError(`--rule ${rule}: not a catalog rule`);
  const asked = (rule: string) => !o.rules || o.rules.includes(rule);
  const faults = MECHANISM_FAULTS.filter((f) => f.rules.some(asked));
  if (faults.length === 0) throw new UsageError(`no mechanism fault concerns ${o.rules?.join(', ')}`);
  const rules = [...new Set(faults.flatMap((f) => f.rules))];

  const clean = (
    o.clean ? readRunMessages(join(o.clean, 'messages.ndjson')).scenarios : runScenarios(rules, o.services)
  ).filter((s) => ruleTags(s.tags).some((r) => rules.includes(r)));
  const notPassed = clean.filter((s) => s.status !== 'passed');
  if (clean.length === 0 || notPassed.length) {
    console.log(
      `selftest: without any fault ${notPassed.length} of ${clean.length} scenarios did not pass: ${notPassed.map((s) => s.name).join('; ')}`,
    );
    return 1;
  }
  const caught = new Map<string, Partial<Record<FaultSide, { caught: number; of: number }>>>();
  for (const side of o.sides)
    for (const round of faultRounds(
      faults.filter((f) => side === 'model' || !f.noMockSide),
      clean.map((s) => ruleTags(s.tags)),
    )) {
      const ran = runScenarios([...new Set(round.flatMap((f) => f.rules))], o.services, {
        side,
        faults: round.map((f) => f.id),
      });
      const seen: Seen[] = ran.map((s) => ({ rules: ruleTags(s.tags), caught: caughtOn(side, s) }));
      for (const s of ran.filter((x) => x.status !== 'passed' && !caughtOn(side, x)))
        console.error(
          `selftest: ${side}: not counted as caught (${s.errorType ?? s.status}): ${s.name}: ${s.error?.split('\n')[0] ?? ''}`,
        );
      for (const fault of round)
        for (const rule of fault.rules) {
          const mine = seen.filter((s) => s.rules.includes(rule));
          const key = `${rule}\u0000${fault.id}`;
          caught.set(key, {
            ...caught.get(key),
            [side]: { caught: mine.filter((s) => s.caught).length, of: mine.length },
          });
        }
    }
  return report(faults, caught, o, catalog, asked);
}

function report(
  faults: MechanismFault[],
  caught: Map<string, Partial<Record<FaultSide, { caught: number; of: number }>>>,
  o: Options,
  catalog: string[],
  asked: (rule: string) => boolean,
): number {
  let uncaught = 0;
  const cell = (f: MechanismFault, side: FaultSide, c?: { caught: number; of: number }) => {
    if (side === 'mocks' && f.noMockSide) return `no mock decides it: ${f.noMockSide}`;
    if (!c) return 'not run';
    if (c.caught === 0) uncaught++;
    return c.caught ? `caught by ${c.caught} of ${c.of} scenarios` : `NOT caught (${c.of} scenarios ran)`;
  };
  console.log(
    `| rule | mechanism fault | reaches the rule | ${o.sides.map((s) => `in the ${s}`).join(' | ')} |`,
  );
  console.log(`| --- | --- | --- | ${o.sides.map(() => '---').join(' | ')} |`);
  const rows = faults
    .flatMap((f) => f.rules.filter(asked).map((rule) => ({ rule, f })))
    .sort((a, b) => catalog.indexOf(a.rule) - catalog.indexOf(b.rule));
  for (const { rule, f } of rows) {
    const c = caught.get(`${rule}\u0000${f.id}`) ?? {};
    const reach = isThrough(f, rule) ? `through ${f.through!.link}` : 'its own mechanism';
    console.log(`| ${rule} | ${f.fault} | ${reach} | ${o.sides.map((s) => cell(f, s, c[s])).join(' | ')} |`);
  }
  const covered = new Set(MECHANISM_FAULTS.flatMap((f) => f.rules));
  const without = catalog.filter((id) => !covered.has(id));
  const onlyThroughALink = rulesWithoutOwnFault(MECHANISM_FAULTS)
    .filter(asked)
    .sort((a, b) => catalog.indexOf(a) - catalog.indexOf(b));
  if (onlyThroughALink.length)
    console.log(
      `\n${onlyThroughALink.length} rule(s) are caught only through a neighbouring link, by no fault of their own mechanism: ${onlyThroughALink.join(', ')}`,
    );
  if (!o.rules)
    console.log(
      `\n${catalog.length - without.length} of ${catalog.length} rules have a mechanism fault${without.length ? `; none yet: ${without.join(', ')}` : ''}`,
    );
  if (uncaught) console.log(`selftest: ${uncaught} rule/side pair(s) did not catch their fault`);
  else console.log('selftest: every fault was caught');
  if (!o.rules && without.length) console.log(`selftest: ${without.length} rule(s) have no mechanism fault`);
  return uncaught || (!o.rules && without.length) ? 1 : 0;
}
