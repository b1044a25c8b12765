import { http, type RequestHandler } from 'msw';
import {
  type FaultPlan,
  type FaultReplies,
  faultStatus,
  type Journal,
  pathIs,
  prologue,
  unmatchedRequests,
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

/**
 * The Replica Replicator Agent: the Front End POSTs a CMS snapshot `{ version, createdAt, from }`; the
 * Edge applies it and answers with its status report.
 */
export function replicationHandlers(ctx: Context): RequestHandler[] {
  const served = prologue({ journal: ctx.journal, faults: ctx.faults, replies: REPLICATION_FAULTS });
  return [
    http.post(
      pathIs(REPLICATION_PATH),
      served('replication.push', async ({ request }) => applySnapshot(ctx, await request.text())),
    ),
  ];
}

function applySnapshot(ctx: Context, body: string): Response {
  const snapshot = parseSnapshot(body);
  if (typeof snapshot === 'string') {
    ctx.journal.record({
      operation: 'replication.push',
      request: { size: Buffer.byteLength(body) },
      outcome: { status: 400, error: snapshot },
    });
    return Response.json({ error: snapshot }, { status: 400 });
  }
  const appliedAt = ctx.clock.now().toISOString();
  ctx.state.replica = { ...snapshot, appliedAt };
  ctx.journal.record({
    operation: 'replication.push',
    request: snapshot,
    outcome: { status: 200, appliedAt },
  });
  return Response.json({
    replicaFqdn: ctx.state.install?.fqdn,
    version: snapshot.version,
    appliedAt,
    productVersion: '5.0.8308.0',
  });
}

/** Anything but a snapshot POSTed to the replication service: a 404 naming where it is. */
export function replicationUnmatched(journal: Journal) {
  return unmatchedRequests(journal, 'replication.unknown', (method, path) => {
    const error = `no replication service at ${method} ${path}; POST ${REPLICATION_PATH}`;
    return Response.json({ error }, { status: 404 });
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
