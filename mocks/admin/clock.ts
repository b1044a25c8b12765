/**
 * The virtual clock every mock runs on. Nothing sleeps: the harness sets and advances it through the
 * admin API, and mechanisms (the OAB schedule, restarts) read it. Listeners run on every change so a
 * mock can fire what became due, in time order.
 */
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
    if (Number.isNaN(target)) throw new Error('[clock] not a valid time');
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

  /** Called with (from, to) whenever the clock moves. */
  onChange(listener: (from: number, to: number) => void): void {
    this.listeners.push(listener);
  }
}
