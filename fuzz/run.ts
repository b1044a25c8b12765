/**
 * npm run fuzz -- [--protocol ldap|http|oab|tls|admin|ldif] [--count N] [--seed S]
 *
 * Sends N seeded malformed inputs per protocol to the mock services (in a child process), checks their
 * health after every batch, keeps what killed, hung or broke them in fuzz/corpus/, and exits 1 if anything did.
 */
import { parseArgs } from 'node:util';
import { runProtocol } from './campaign';
import { CORPUS_DIR } from './corpus';
import { PROTOCOL_NAMES, type ProtocolName } from './protocol';
import { PROTOCOLS } from './protocols';
import { formatTally, type Tally } from './tally';

const USAGE = `Usage: npm run fuzz -- [--protocol ${PROTOCOL_NAMES.join('|')}]... [--count N] [--seed S]
  [--batch N] [--timeout MS] [--max-failures N] [--triage N] [--minimise TRIES] [--corpus DIR] [--quiet]`;

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      protocol: { type: 'string', multiple: true },
      count: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      batch: { type: 'string', default: '500' },
      timeout: { type: 'string', default: '3000' },
      'max-failures': { type: 'string', default: '10' },
      minimise: { type: 'string', default: '16' },
      triage: { type: 'string', default: '10' },
      corpus: { type: 'string', default: CORPUS_DIR },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const number = (flag: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${flag} takes a whole number >= ${min}, got "${text}"`);
    return n;
  };
  const protocols = (values.protocol ?? [...PROTOCOL_NAMES]) as ProtocolName[];
  const unknown = protocols.find((p) => !PROTOCOL_NAMES.includes(p) || !PROTOCOLS[p]);
  if (unknown) throw new Error(`unknown protocol "${unknown}"; known: ${Object.keys(PROTOCOLS).join(', ')}`);
  return {
    help: values.help,
    protocols,
    count: number('count', values.count, 1),
    seed: number('seed', values.seed, 0),
    batch: number('batch', values.batch, 1),
    timeoutMs: number('timeout', values.timeout, 100),
    maxFailures: number('max-failures', values['max-failures'], 1),
    minimiseTrials: number('minimise', values.minimise, 0),
    triage: number('triage', values.triage, 0),
    corpusDir: values.corpus,
    quiet: values.quiet,
  };
}

export async function main(argv: string[]): Promise<number> {
  const o = options(argv);
  if (o.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const tallies: Tally[] = [];
  for (const name of o.protocols) {
    const tally = await runProtocol(PROTOCOLS[name]!, {
      ...o,
      log: (line) => {
        if (!o.quiet) console.error(line);
      },
    });
    tallies.push(tally);
    console.log(formatTally(tally));
  }
  const failed = tallies.filter((t) => t.failed).map((t) => t.protocol);
  const wall = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${tallies.reduce((n, t) => n + t.sent, 0)} inputs in ${wall} s; ` +
      (failed.length
        ? `FAILED: ${failed.join(', ')}`
        : 'every server survived every input and every health check'),
  );
  return failed.length ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`[fuzz] ${(error as Error).message}`);
      process.exit(2);
    },
  );
}
