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

/**
 * Keeps every request a mock answered, bounded so a long load test cannot exhaust memory: the newest
 * `limit` entries in a ring, so that recording one more when full costs the same as any other (an
 * array's shift moves all ten thousand).
 */
export class Journal {
  private ring: JournalEntry[] = [];
  /** Where the oldest kept entry is in the ring, and how many are kept. */
  private head = 0;
  private size = 0;
  private nextId = 1;
  private dropped = 0;
  private waiters: Array<{ matches: (e: JournalEntry) => boolean; resolve: (e: JournalEntry) => void }> = [];
  /** The last time stamp written, by its milliseconds: the virtual clock stands still between changes. */
  private stamp = { ms: Number.NaN, text: '' };
  correlationId?: string;

  constructor(
    private readonly service: string,
    private readonly now: () => Date,
    private readonly limit = 10_000,
  ) {}

  record(input: JournalInput): JournalEntry {
    // Built field by field (a spread of the input is a second object per request on a mock's hot path).
    const entry: JournalEntry = {
      id: this.nextId++,
      at: this.timeStamp(),
      service: this.service,
      correlationId: this.correlationId,
      operation: input.operation,
      request: input.request,
      outcome: input.outcome,
    };
    if (input.unmatched !== undefined) entry.unmatched = input.unmatched;
    if (input.fault !== undefined) entry.fault = input.fault;
    if (this.size < this.limit) {
      this.ring[(this.head + this.size) % this.limit] = entry;
      this.size++;
    } else {
      this.ring[this.head] = entry;
      this.head = (this.head + 1) % this.limit;
      this.dropped++;
    }
    if (this.waiters.length > 0)
      for (const waiter of this.waiters.filter((w) => w.matches(entry))) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    return entry;
  }

  list(filter: { operation?: string; correlationId?: string; unmatched?: boolean } = {}): JournalEntry[] {
    return this.kept().filter(
      (e) =>
        (filter.operation === undefined || e.operation === filter.operation) &&
        (filter.correlationId === undefined || e.correlationId === filter.correlationId) &&
        (filter.unmatched === undefined || Boolean(e.unmatched) === filter.unmatched),
    );
  }

  /** The first entry, kept or still to come, that matches: what a test waits for instead of a time. */
  waitFor(matches: (e: JournalEntry) => boolean): Promise<JournalEntry> {
    const kept = this.kept().find(matches);
    if (kept) return Promise.resolve(kept);
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
  }

  droppedCount(): number {
    return this.dropped;
  }

  clear(): void {
    this.ring = [];
    this.head = 0;
    this.size = 0;
    this.dropped = 0;
  }

  /** The kept entries, oldest first. */
  private kept(): JournalEntry[] {
    const entries: JournalEntry[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) entries[i] = this.ring[(this.head + i) % this.limit];
    return entries;
  }

  /** The clock's time as ISO text (a clock that cannot show its time throws, as toISOString does). */
  private timeStamp(): string {
    const now = this.now();
    const ms = now.getTime();
    if (ms !== this.stamp.ms) this.stamp = { ms, text: now.toISOString() };
    return this.stamp.text;
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
