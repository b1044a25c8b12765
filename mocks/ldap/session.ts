import type { StoredEntry } from './dit';

/** Who a connection is bound as: nobody, the built-in Administrator, or an account of the data. */
export type Principal = { kind: 'anonymous' } | { kind: 'administrator' } | { kind: 'account'; dn: string };

/** A paged search in progress: the matches not sent yet, read lazily. */
export interface PagedCursor {
  rest: Iterator<StoredEntry>;
  lookahead?: StoredEntry;
  attributes: readonly string[];
}

/** Per-connection state. Cursors are bounded: abandoned paged searches must not grow without end. */
export class Session {
  principal: Principal = { kind: 'anonymous' };
  readonly cursors = new Map<string, PagedCursor>();
  private cookieSeq = 0;

  constructor(readonly id: string) {}

  storeCursor(cursor: PagedCursor): string {
    const cookie = `${this.id}:${++this.cookieSeq}`;
    this.cursors.set(cookie, cursor);
    if (this.cursors.size > 32) this.drop(this.cursors.keys().next().value as string);
    return cookie;
  }

  /** Ends a paged search (its generator's cleanup runs: shared bitmaps go back). */
  drop(cookie: string): void {
    this.cursors.get(cookie)?.rest.return?.(undefined);
    this.cursors.delete(cookie);
  }

  close(): void {
    for (const cookie of [...this.cursors.keys()]) this.drop(cookie);
  }
}
