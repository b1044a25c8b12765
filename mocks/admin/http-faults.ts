import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Fault, FaultPlan } from './faults';
import { excerpt, type Journal } from './journal';

export interface HttpReply {
  status: number;
  contentType: string;
  body: string;
}

/** How one HTTP service words the replies of the `malformed` and `error` faults. */
export interface FaultReplies {
  /** A 200 reply the service's clients cannot parse (cut short). */
  malformed: HttpReply;
  /** The service's error reply for `error` with this code and message. */
  error(code: number | string, message: string | undefined): HttpReply;
}

/**
 * Applies the fault injected for `operation`, if any, to a plain node:http answer: `delay` waits and
 * returns false (answer normally); `reset` drops the connection, `malformed` and `error` answer; all
 * three return true. Each fired fault is journaled under the operation.
 */
export async function applyHttpFault(
  faults: FaultPlan,
  journal: Journal,
  operation: string,
  exchange: { req: IncomingMessage; res: ServerResponse },
  replies: FaultReplies,
): Promise<boolean> {
  const fault = faults.take(operation);
  if (!fault) return false;
  const { req, res } = exchange;
  journal.record({
    operation,
    request: { method: req.method, target: excerpt(req.url ?? '', 160) },
    outcome: { fault: fault.kind, ...(fault.code !== undefined ? { code: fault.code } : {}) },
    fault: fault.kind,
  });
  if (fault.kind === 'delay') {
    await sleep(fault.delayMs ?? 0);
    return false;
  }
  if (fault.kind === 'reset') {
    req.socket.destroy();
    return true;
  }
  const reply = fault.kind === 'malformed' ? replies.malformed : replies.error(fault.code!, fault.message);
  res.writeHead(reply.status, { 'content-type': reply.contentType }).end(reply.body);
  return true;
}

/** The HTTP status an `error` fault's code stands for: a 4xx/5xx number as given, anything else 500. */
export function faultStatus(code: Fault['code']): number {
  return typeof code === 'number' && code >= 400 && code <= 599 ? code : 500;
}
