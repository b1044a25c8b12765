import assert from 'node:assert/strict';
import { adminHeaders } from './admin-token';
import type { Fault } from './faults';

/** What a client saw of one exchange over the wire. */
export interface Seen {
  status?: number;
  body?: string;
  /** The connection went away without an answer. */
  dropped?: boolean;
  ms: number;
}

export interface FaultTarget {
  /** The service and what its client does, for messages. */
  name: string;
  admin: string;
  operation: string;
  /** One exchange by the service's client; never throws (a dropped connection is `dropped`). */
  call(): Promise<Omit<Seen, 'ms'>>;
  /** Whether the service's client can read this answer (the normal one can, a malformed one cannot). */
  readable(seen: Seen): boolean;
  /** The error fault to inject, and how its client sees it. */
  error: { code: number | string; seen(seen: Seen): boolean };
  /** How a malformed answer looks, when not as a 200 its client cannot read. */
  malformed?(seen: Seen): boolean;
}

export async function injectFault(admin: string, fault: Fault): Promise<void> {
  const r = await fetch(`${admin}/__admin/faults`, {
    method: 'POST',
    body: JSON.stringify(fault),
    headers: adminHeaders(),
  });
  assert.equal(r.status, 201, await r.text());
}

export async function see(target: FaultTarget): Promise<Seen> {
  const started = performance.now();
  const seen = await target.call();
  return { ...seen, ms: performance.now() - started };
}

const DELAY_MS = 400;

/**
 * Each fault kind, injected for the next answer only (`count: 1`) through the admin API, as the
 * service's client sees it over the wire; after each, the next exchange is normal again.
 */
export async function expectEachFaultKind(target: FaultTarget): Promise<void> {
  const normal = await see(target);
  assert.ok(
    target.readable(normal),
    `${target.name}: the normal answer is readable: ${JSON.stringify(normal)}`,
  );
  const kinds: Array<[Fault, (seen: Seen) => boolean]> = [
    [{ kind: 'delay', delayMs: DELAY_MS }, (s) => s.ms >= DELAY_MS && target.readable(s)],
    [{ kind: 'reset' }, (s) => s.dropped === true],
    [{ kind: 'malformed' }, target.malformed ?? ((s) => s.status === 200 && !target.readable(s))],
    [{ kind: 'error', code: target.error.code }, (s) => target.error.seen(s)],
  ];
  for (const [fault, expected] of kinds) {
    await injectFault(target.admin, { ...fault, operation: target.operation, count: 1 });
    const faulted = await see(target);
    assert.ok(expected(faulted), `${target.name}: ${fault.kind} fault seen as ${JSON.stringify(faulted)}`);
    const after = await see(target);
    assert.ok(
      target.readable(after),
      `${target.name}: after the ${fault.kind} fault: ${JSON.stringify(after)}`,
    );
  }
}

/** A fetch that reports a dropped connection instead of throwing. */
export async function fetchSeen(url: string, init?: RequestInit): Promise<Omit<Seen, 'ms'>> {
  try {
    const r = await fetch(url, init);
    return { status: r.status, body: await r.text() };
  } catch {
    return { dropped: true };
  }
}
