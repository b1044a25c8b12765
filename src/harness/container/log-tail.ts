import type { Readable } from 'node:stream';

/**
 * Follows a container's log stream, keeping its last lines; the stream ends when the container
 * exits, which is how the harness learns that a service died mid-run without polling Docker.
 */
export class LogTail {
  private readonly lines: string[] = [];
  private pending = '';
  private ended = false;
  private readonly endWaiters: Array<() => void> = [];

  constructor(
    stream: Readable,
    private readonly keep = 20,
  ) {
    stream.on('data', (chunk: string | Buffer) => this.add(chunk.toString()));
    stream.on('end', () => this.end());
    stream.on('error', () => this.end());
  }

  get exited(): boolean {
    return this.ended;
  }

  last(): string[] {
    return this.pending ? [...this.lines, this.pending] : [...this.lines];
  }

  /** Resolves true once the stream ended, false when it is still open after `ms`. */
  waitForExit(ms: number): Promise<boolean> {
    if (this.ended) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.endWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  private add(text: string): void {
    const parts = (this.pending + text).split('\n');
    this.pending = parts.pop() ?? '';
    this.lines.push(...parts);
    if (this.lines.length > this.keep) this.lines.splice(0, this.lines.length - this.keep);
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const waiter of this.endWaiters.splice(0)) waiter();
  }
}

/** Log lines indented under an error message (a process's or a container's last words). */
export function indent(lines: string[]): string {
  return lines.length ? lines.map((l) => `    ${l}`).join('\n') : '    (no output)';
}
