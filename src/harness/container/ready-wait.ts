import type { Readable } from 'node:stream';
import { getContainerRuntimeClient, type WaitStrategy } from 'testcontainers';
import { parseReadyLine, type ReadyInfo } from '../../../mocks/ready-line';
import { indent } from './log-tail';

export { indent } from './log-tail';

type Container = Parameters<WaitStrategy['waitUntilReady']>[0];

/**
 * Waits for a mock container the way host networking allows (no mapped port to probe): read the
 * service's ready line from the log to learn its URLs, then poll its admin API's /__admin/health
 * until it answers. Keeps the URLs for the caller. On failure the error carries the last log lines.
 */
export class ReadyLineHealthWait implements WaitStrategy {
  ready?: ReadyInfo;
  private timeoutMs = 20_000;
  private timeoutSet = false;

  constructor(private readonly service: string) {}

  withStartupTimeout(ms: number): this {
    this.timeoutMs = ms;
    this.timeoutSet = true;
    return this;
  }

  isStartupTimeoutSet(): boolean {
    return this.timeoutSet;
  }

  getStartupTimeout(): number {
    return this.timeoutMs;
  }

  async waitUntilReady(container: Container): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    const client = await getContainerRuntimeClient();
    const stream = await client.container.logs(container, {});
    const lines: string[] = [];
    try {
      this.ready = await readyLineFrom(stream, lines, deadline);
    } catch (error) {
      throw new Error(
        `[containers] ${this.service}: ${(error as Error).message}; last log lines:\n${indent(lines.slice(-20))}`,
      );
    } finally {
      stream.destroy();
    }
    await pollHealth(this.service, this.ready.urls.admin, deadline);
  }
}

function readyLineFrom(stream: Readable, lines: string[], deadline: number): Promise<ReadyInfo> {
  return new Promise((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(
      () => reject(new Error('no ready line before the startup timeout')),
      deadline - Date.now(),
    );
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      outcome();
    };
    stream.on('data', (chunk: string | Buffer) => {
      pending += chunk.toString();
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const info = parseReadyLine(line);
        if (info) return finish(() => resolve(info));
      }
    });
    stream.on('end', () => {
      if (pending) lines.push(pending);
      finish(() => reject(new Error('the container exited before it was ready')));
    });
    stream.on('error', (error) => finish(() => reject(error)));
  });
}

async function pollHealth(service: string, adminUrl: string, deadline: number): Promise<void> {
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${adminUrl}/__admin/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
      last = `answered ${response.status}`;
    } catch (error) {
      last = String((error as Error).cause ?? (error as Error).message);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`[containers] ${service}: ${adminUrl}/__admin/health did not answer in time (${last})`);
}
