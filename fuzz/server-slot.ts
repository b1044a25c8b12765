import type { FuzzInput } from './input';
import type { Outcome, Protocol } from './protocol';
import { seedServices } from './seeds';
import { ENTRIES, ServerProcess } from './server-process';
import type { FailureKind } from './tally';

/** The protocol's server process, started on demand and replaced after it failed. */
export class ServerSlot {
  private current?: ServerProcess;
  starts = 0;

  constructor(
    readonly protocol: Protocol,
    private readonly env: NodeJS.ProcessEnv = {},
  ) {}

  async get(): Promise<ServerProcess> {
    if (this.current?.alive) return this.current;
    this.current = await ServerProcess.start(this.protocol.entry, this.protocol.args, this.env);
    this.starts++;
    if (this.protocol.entry === ENTRIES.services) await seedServices(this.current.urls);
    return this.current;
  }

  /** Kills the current process (a failed one is never reused). */
  async discard(): Promise<void> {
    await this.current?.kill();
    this.current = undefined;
  }

  async stop(): Promise<void> {
    await this.current?.stop();
    this.current = undefined;
  }
}

export interface Checked {
  outcome: Outcome;
  failure?: { kind: FailureKind; detail: string };
}

/** Sends one input and says whether the server failed on it: died, hung, or (LDIF) threw a stray error. */
export async function sendChecked(
  protocol: Protocol,
  server: ServerProcess,
  input: FuzzInput,
  timeoutMs: number,
): Promise<Checked> {
  const outcome = await protocol.send(server, input, timeoutMs);
  if (outcome.failure) return { outcome, failure: { kind: 'bad error', detail: outcome.failure } };
  if (outcome.ending === 'refused' || outcome.ending === 'reset') await settle(server, 300);
  if (!server.alive) return { outcome, failure: { kind: 'death', detail: deathDetail(server) } };
  // Asked twice: on a loaded machine one slow answer is not yet a stuck process.
  if (outcome.ending === 'timeout' && !(await protocol.alive(server)) && !(await protocol.alive(server))) {
    const detail = `no answer in ${timeoutMs} ms and the process stopped answering its health endpoint`;
    return { outcome, failure: { kind: 'hang', detail } };
  }
  return { outcome };
}

/** Waits up to `ms` for the process to exit (a crash is seen on the sockets slightly before the exit). */
export function settle(server: ServerProcess, ms: number): Promise<void> {
  if (!server.alive) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    server.exit.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function deathDetail(server: ServerProcess): string {
  const dead = server.exited;
  if (!dead) return 'the server process died';
  const how = dead.signal ? `signal ${dead.signal}` : `exit code ${dead.code}`;
  const why = dead.stderr.replace(/\s+/g, ' ').slice(0, 300);
  return `the ${dead.service} process died (${how})${why ? `: ${why}` : ''}`;
}
