import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Journal, VirtualClock } from '../admin';
import type { EdgeState } from './edge-state';

export const REPLICATION_PATH = '/ReplicationWebService';

interface Context {
  state: EdgeState;
  journal: Journal;
  clock: VirtualClock;
}

/**
 * The Replica Replicator Agent: the Front End POSTs a CMS snapshot `{ version, createdAt, from }`; the
 * Edge applies it and answers with its status report.
 */
export function handleReplication(req: IncomingMessage, res: ServerResponse, ctx: Context): void {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= 1_000_000) chunks.push(chunk);
  });
  req.on('end', () => {
    if (req.method !== 'POST' || req.url !== REPLICATION_PATH) {
      ctx.journal.record({
        operation: 'replication.unknown',
        request: { method: req.method, path: req.url },
        outcome: { status: 404 },
        unmatched: true,
      });
      return reply(res, 404, {
        error: `no replication service at ${req.method} ${req.url}; POST ${REPLICATION_PATH}`,
      });
    }
    const snapshot = parseSnapshot(Buffer.concat(chunks).toString('utf8'));
    if (typeof snapshot === 'string') {
      ctx.journal.record({
        operation: 'replication.push',
        request: { size },
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
  });
}

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
