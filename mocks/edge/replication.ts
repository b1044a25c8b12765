import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  applyHttpFault,
  discardBody,
  excerpt,
  type FaultPlan,
  type FaultReplies,
  faultStatus,
  type Journal,
  readBody,
  type VirtualClock,
} from '../admin';
import type { EdgeState } from './edge-state';

export const REPLICATION_PATH = '/ReplicationWebService';

interface Context {
  state: EdgeState;
  journal: Journal;
  clock: VirtualClock;
  faults: FaultPlan;
}

interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The body limit (mocks/admin/http-limits.ts). */
  limit: number;
}

/**
 * The Replica Replicator Agent: the Front End POSTs a CMS snapshot `{ version, createdAt, from }`; the
 * Edge applies it and answers with its status report.
 */
export async function handleReplication(exchange: Exchange, ctx: Context): Promise<void> {
  const { req, res, url, limit } = exchange;
  if (req.method !== 'POST' || url.pathname !== REPLICATION_PATH) {
    await discardBody(req, limit);
    ctx.journal.record({
      operation: 'replication.unknown',
      request: { method: req.method, path: excerpt(url.pathname, 160) },
      outcome: { status: 404 },
      unmatched: true,
    });
    return reply(res, 404, {
      error: `no replication service at ${req.method} ${url.pathname}; POST ${REPLICATION_PATH}`,
    });
  }
  const body = await readBody(req, limit);
  if (await applyHttpFault(ctx.faults, ctx.journal, 'replication.push', exchange, REPLICATION_FAULTS)) return;
  const snapshot = parseSnapshot(body.toString('utf8'));
  if (typeof snapshot === 'string') {
    ctx.journal.record({
      operation: 'replication.push',
      request: { size: body.length },
      outcome: { status: 400, error: snapshot },
    });
    return reply(res, 400, { error: snapshot });
  }
  const appliedAt = ctx.clock.now().toISOString();
  ctx.state.replica = { ...snapshot, appliedAt };
  ctx.journal.record({
    operation: 'replication.push',
    request: snapshot,
    outcome: { status: 200, appliedAt },
  });
  reply(res, 200, {
    replicaFqdn: ctx.state.install?.fqdn,
    version: snapshot.version,
    appliedAt,
    productVersion: '5.0.8308.0',
  });
}

const REPLICATION_FAULTS: FaultReplies = {
  malformed: { status: 200, contentType: 'application/json', body: '{"replicaFqdn":"edge01.abc.co' },
  error: (code, message) => ({
    status: faultStatus(code),
    contentType: 'application/json',
    body: JSON.stringify({ error: message ?? `injected ${code}` }),
  }),
};

function parseSnapshot(body: string): { version: number; createdAt: string; from: string } | string {
  let data: { version?: unknown; createdAt?: unknown; from?: unknown };
  try {
    data = JSON.parse(body);
  } catch {
    return 'the snapshot is not JSON: expected { version, createdAt, from }';
  }
  if (typeof data?.version !== 'number') return '"version" must be a number';
  if (typeof data.createdAt !== 'string' || Number.isNaN(Date.parse(data.createdAt)))
    return '"createdAt" must be an ISO time';
  return { version: data.version, createdAt: data.createdAt, from: String(data.from ?? 'unknown') };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
