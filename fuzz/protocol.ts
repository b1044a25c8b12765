import type { FuzzInput } from './input';
import type { Rng } from './random';
import type { ServerProcess } from './server-process';
import type { Ending } from './wire';

export const PROTOCOL_NAMES = ['ldap', 'http', 'oab', 'tls', 'admin', 'ldif'] as const;
export type ProtocolName = (typeof PROTOCOL_NAMES)[number];

/** How one input was answered. `failure` marks an answer that is itself a defect (LDIF: a stray exception). */
export interface Outcome {
  kind: string;
  ending: Ending;
  failure?: string;
}

export interface Protocol {
  name: ProtocolName;
  /** The child process: which entry and its arguments (the services it starts). */
  entry: string;
  args: string[];
  /** Inputs in flight at once. */
  concurrency: number;
  generate(rng: Rng): FuzzInput;
  send(server: ServerProcess, input: FuzzInput, timeoutMs: number): Promise<Outcome>;
  /** A cheap "is the process still serving at all" question, asked when an input timed out. */
  alive(server: ServerProcess): Promise<boolean>;
  /** A normal request per service, answered correctly; resolves with what went wrong, or undefined. */
  health(server: ServerProcess): Promise<string | undefined>;
  /** Simpler forms of a failing input, tried first when minimising (the request without a bind, a header less). */
  simpler?(input: FuzzInput): FuzzInput[];
  /** Whether the minimiser may cut arbitrary chunks out of a failing input (not for HTTP: it cuts the token). */
  cutBytes: boolean;
}

export const urlPort = (url: string): number => Number(new URL(url).port);
