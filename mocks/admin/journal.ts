/** One request a mock answered: the evidence a report shows. */
export interface JournalEntry {
  id: number;
  /** ISO time on the mock's virtual clock. */
  at: string;
  service: string;
  /** The protocol operation, e.g. `ldap.search`, `ews.ResolveNames`, `oab.download`, `tls.handshake`. */
  operation: string;
  correlationId?: string;
  /** A short summary of the request (never credentials or private keys). */
  request: Record<string, unknown>;
  /** What the mock answered: a result code, a status, a count. */
  outcome: Record<string, unknown>;
  /** True when no handler matched the request. */
  unmatched?: boolean;
  /** A fault that was injected into this answer, if any. */
  fault?: string;
}

export type JournalInput = Omit<JournalEntry, 'id' | 'at' | 'service' | 'correlationId'>;

/** Keeps every request a mock answered, bounded so a long load test cannot exhaust memory. */
export class Journal {
  private entries: JournalEntry[] = [];
  private nextId = 1;
  private dropped = 0;
  private waiters: Array<{ matches: (e: JournalEntry) => boolean; resolve: (e: JournalEntry) => void }> = [];
  correlationId?: string;

  constructor(
    private readonly service: string,
    private readonly now: () => Date,
    private readonly limit = 10_000,
  ) {}

  record(input: JournalInput): JournalEntry {
    const entry: JournalEntry = {
      id: this.nextId++,
      at: this.now().toISOString(),
      service: this.service,
      correlationId: this.correlationId,
      ...input,
    };
    this.entries.push(entry);
    for (const waiter of this.waiters.filter((w) => w.matches(entry))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(entry);
    }
    if (this.entries.length > this.limit) {
      this.entries.shift();
      this.dropped++;
    }
    return entry;
  }

  list(filter: { operation?: string; correlationId?: string; unmatched?: boolean } = {}): JournalEntry[] {
    return this.entries.filter(
      (e) =>
        (filter.operation === undefined || e.operation === filter.operation) &&
        (filter.correlationId === undefined || e.correlationId === filter.correlationId) &&
        (filter.unmatched === undefined || Boolean(e.unmatched) === filter.unmatched),
    );
  }

  /** The first entry, kept or still to come, that matches: what a test waits for instead of a time. */
  waitFor(matches: (e: JournalEntry) => boolean): Promise<JournalEntry> {
    const kept = this.entries.find(matches);
    if (kept) return Promise.resolve(kept);
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
  }

  droppedCount(): number {
    return this.dropped;
  }

  clear(): void {
    this.entries = [];
    this.dropped = 0;
  }
}

/**
 * The first `max` characters of a request's text, as a string of its own for the journal to keep: V8
 * answers `slice` with a view that keeps the whole original (a 1 MB body) alive as long as the entry.
 */
export function excerpt(text: string, max: number): string {
  return Buffer.from(text.slice(0, max)).toString();
}

/** A request summary whose strings (and arrays of strings) are excerpts: the journal's own, bounded. */
export function ownSummary(request: Record<string, unknown>, max = 200): Record<string, unknown> {
  const own = (value: unknown): unknown => {
    if (typeof value === 'string') return excerpt(value, max);
    return Array.isArray(value) ? value.map(own) : value;
  };
  return Object.fromEntries(Object.entries(request).map(([key, value]) => [key, own(value)]));
}
