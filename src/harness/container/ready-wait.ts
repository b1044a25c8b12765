import type { Readable } from 'node:stream';
import { parseReadyLine, type ReadyInfo } from '../../../mocks/ready-line';
import { AdminClient } from '../admin-client';
import { indent } from './log-tail';

export { indent } from './log-tail';

/**
 * Waits for a mock container: reads the service's ready line from its log to learn its URLs (as the
 * container sees them), then `healthy` polls its admin API's health. On failure the error
 * carries the last log lines.
 */
export async function readyLineOf(service: string, log: Readable, deadline: number): Promise<ReadyInfo> {
  const lines: string[] = [];
  try {
    return await readyLineFrom(log, lines, deadline);
  } catch (error) {
    throw new Error(
      `[containers] ${service}: ${(error as Error).message}; last log lines:\n${indent(lines.slice(-20))}`,
    );
  }
}

function readyLineFrom(stream: Readable, lines: string[], deadline: number): Promise<ReadyInfo> {
  return new Promise((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(
      () => finish(() => reject(new Error('no ready line before the startup timeout'))),
      deadline - Date.now(),
    );
    const onData = (chunk: string | Buffer) => {
      pending += chunk.toString();
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        const info = parseReadyLine(line);
        if (info) return finish(() => resolve(info));
      }
    };
    const onEnd = () => {
      if (pending) lines.push(pending);
      finish(() => reject(new Error('the container exited before it was ready')));
    };
    const onError = (error: Error) => finish(() => reject(error));
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      stream.off('data', onData).off('end', onEnd).off('error', onError);
      outcome();
    };
    stream.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** Polls the admin API's health until it answers 200 or the deadline passes. */
export async function healthy(service: string, adminUrl: string, deadline: number): Promise<void> {
  const admin = new AdminClient(adminUrl);
  let last = '';
  while (Date.now() < deadline) {
    try {
      await withinMs(1000, admin.health());
      return;
    } catch (error) {
      last = String((error as Error).message);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`[containers] ${service}: ${adminUrl}'s health did not answer in time (${last})`);
}

function withinMs<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
