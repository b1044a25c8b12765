import { coverageCommand } from './commands/coverage-command';
import { probeIssuersCommand } from './commands/probe-issuers-command';
import { reportCommand } from './commands/report-command';
import { runCommand } from './commands/run-command';
import { selftestCommand } from './commands/selftest-command';
import { serveCommand } from './commands/serve-command';
import { UsageError } from './commands/usage-error';
import { LdifError } from './tenant/ldif-error';

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  run: { run: runCommand, summary: 'run the rule suite on the sample tenant or your LDIF exports' },
  serve: {
    run: serveCommand,
    summary: 'start the mock services seeded with a tenant and print their endpoints',
  },
  report: { run: reportCommand, summary: "rebuild a run's report.html / report.md from its messages" },
  'probe-issuers': {
    run: probeIssuersCommand,
    summary: 'print the trusted issuer list a TLS 1.2 server sends',
  },
  coverage: {
    run: coverageCommand,
    summary: 'check that every catalog rule has a passing scenario in a run',
  },
  selftest: {
    run: selftestCommand,
    summary: 'inject mechanism faults into the mocks and check that the rules catch them',
  },
};

export const HELP = `lync-harness: checks the documented Lync / Exchange / AD rules against your directory data

Usage: lync-harness <command> [options]      (lync-harness <command> --help for its options)

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`)
  .join('\n')}

Exit status: 0 all rule scenarios passed, 1 a rule scenario failed (or blocking findings with
--fail-on-findings), 2 bad input or usage.`;

/** Runs one command; returns the exit status (never calls process.exit, so it can be used from code). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`lync-harness: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof LdifError) {
      console.error(`lync-harness: malformed LDIF: ${error.message}`);
      return 2;
    }
    if (error instanceof UsageError) {
      console.error(`lync-harness ${name}: ${error.message} (see lync-harness ${name} --help)`);
      return 2;
    }
    throw error;
  }
}

/** Registers an extra command (used by modules that add `serve`, `probe-issuers`, `report`). */
export function registerCommand(name: string, summary: string, run: Command): void {
  COMMANDS[name] = { run, summary };
}
