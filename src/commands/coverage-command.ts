import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../catalog/catalog';
import { checkCoverage } from '../report/coverage';
import { readRunMessages } from '../report/run-messages';
import { UsageError } from './usage-error';

export async function coverageCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.length !== 1) {
    if (!args.includes('--help')) throw new UsageError('give one run folder, e.g. reports/test-run');
    console.log(
      'Usage: lync-harness coverage RUN_DIR\n\nFails when a catalog rule has no passing scenario in the run,\nwhen a rule that says something fails has no passing @shows-failure scenario,\nor when a scenario carries a rule ID the catalog lacks.',
    );
    return 0;
  }
  const file = join(args[0], 'messages.ndjson');
  if (!existsSync(file)) throw new UsageError(`${file} does not exist: run the suite first`);
  const catalog = loadCatalog();
  const problems = checkCoverage(catalog, readRunMessages(file));
  if (problems.length === 0) {
    console.log(`catalog coverage: all ${catalog.rules.length} rules have passing scenarios`);
    return 0;
  }
  console.error(`catalog coverage: ${problems.length} problem(s)`);
  for (const p of problems)
    console.error(`  ${[p.rule, p.scenario].filter(Boolean).join(' | ')}: ${p.problem}`);
  return 1;
}
