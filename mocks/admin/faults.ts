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
  /** How many answers to affect; unlimited when absent. */
  times?: number;
}

const KINDS = new Set(['delay', 'reset', 'malformed', 'error']);

export class FaultPlan {
  private faults: Fault[] = [];

  inject(fault: Fault): void {
    if (!KINDS.has(fault.kind))
      throw new Error(`unknown fault kind "${fault.kind}" (delay, reset, malformed, error)`);
    if (fault.kind === 'delay' && !(Number(fault.delayMs) >= 0))
      throw new Error('a delay fault needs delayMs >= 0');
    if (fault.kind === 'error' && fault.code === undefined) throw new Error('an error fault needs a code');
    this.faults.push({ ...fault });
  }

  /** The fault for this operation, consuming one of its `times`. */
  take(operation: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.operation === undefined || f.operation === operation);
    if (index < 0) return undefined;
    const fault = this.faults[index];
    if (fault.times !== undefined && --fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.faults = [];
  }
}
