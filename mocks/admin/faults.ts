/**
 * Faults the harness can inject into a mock's next answers:
 * - `delay`: answer after `delayMs` real milliseconds;
 * - `reset`: drop the connection instead of answering;
 * - `malformed`: send a reply the protocol cannot parse;
 * - `error`: answer with a protocol error `code` (LDAP result code, HTTP status, SOAP fault code).
 */
export interface Fault {
  kind: 'delay' | 'reset' | 'malformed' | 'error';
  /** Only requests of this operation are affected; all when absent. */
  operation?: string;
  code?: number | string;
  message?: string;
  delayMs?: number;
  /** How many answers to affect (the next N); every answer until cleared when absent. */
  count?: number;
  /** The former name of `count`, still accepted. */
  times?: number;
  /** Survives the per-scenario reset (`POST /__admin/reset`); only `DELETE /__admin/faults` clears it. */
  persist?: boolean;
}

const KINDS = new Set(['delay', 'reset', 'malformed', 'error']);

export class FaultPlan {
  private faults: Fault[] = [];

  inject(input: Fault): void {
    const fault = normalize(input);
    this.faults.push(fault);
  }

  /** The fault for this operation, consuming one of its `count`. */
  take(operation: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.operation === undefined || f.operation === operation);
    if (index < 0) return undefined;
    const fault = this.faults[index];
    if (fault.count !== undefined && --fault.count <= 0) this.faults.splice(index, 1);
    return { ...fault };
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** What the per-scenario reset does: the faults not asked to persist are gone. */
  clearScenarioFaults(): void {
    this.faults = this.faults.filter((f) => f.persist === true);
  }

  clear(): void {
    this.faults = [];
  }
}

function normalize(input: Fault): Fault {
  if (typeof input !== 'object' || input === null) throw new Error('a fault is a JSON object');
  const { times, ...fault } = input;
  if (!KINDS.has(fault.kind))
    throw new Error(`unknown fault kind "${fault.kind}" (delay, reset, malformed, error)`);
  if (fault.kind === 'delay' && !(Number(fault.delayMs) >= 0))
    throw new Error('a delay fault needs delayMs >= 0');
  if (fault.kind === 'error' && fault.code === undefined) throw new Error('an error fault needs a code');
  const count = fault.count ?? times;
  if (count !== undefined && !(Number.isInteger(count) && count >= 1))
    throw new Error(
      `"count" must be a whole number >= 1 (absent: until cleared), got ${JSON.stringify(count)}`,
    );
  if (fault.persist !== undefined && typeof fault.persist !== 'boolean')
    throw new Error(`"persist" must be true or false, got ${JSON.stringify(fault.persist)}`);
  return { ...fault, ...(count !== undefined ? { count } : {}) };
}
