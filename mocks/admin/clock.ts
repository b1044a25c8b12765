/**
 * The virtual clock every mock runs on. Nothing sleeps: the harness sets and advances it through the
 * admin API, and mechanisms (the OAB schedule, restarts) read it. Listeners run on every change so a
 * mock can fire what became due, in time order.
 */
/** The farthest a Date reaches either side of 1970 (ECMA-262 §21.4.1.1). */
const MAX_DATE_MS = 8.64e15;

export class VirtualClock {
  private current: number;
  private readonly initial: number;
  private readonly listeners: Array<(from: number, to: number) => void> = [];

  constructor(start = Date.UTC(2014, 11, 1, 0, 0, 0)) {
    this.current = start;
    this.initial = start;
  }

  now(): Date {
    return new Date(this.current);
  }

  millis(): number {
    return this.current;
  }

  set(to: Date | number): void {
    const target = typeof to === 'number' ? to : to.getTime();
    if (!VirtualClock.canShow(target))
      throw new Error(
        `[clock] ${target} ms is not a time a Date can show (within ±${MAX_DATE_MS} ms of 1970)`,
      );
    const from = this.current;
    this.current = target;
    for (const listener of this.listeners) listener(from, target);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`[clock] can only move forward, got ${ms} ms`);
    this.set(this.current + ms);
  }

  rewind(): void {
    this.current = this.initial;
  }

  /** Whether a reading can be a Date (and so be written out, as every journal entry does). */
  static canShow(ms: number): boolean {
    return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;
  }

  /** Called with (from, to) whenever the clock moves. */
  onChange(listener: (from: number, to: number) => void): void {
    this.listeners.push(listener);
  }
}
