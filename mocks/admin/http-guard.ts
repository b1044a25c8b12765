import { type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { excerpt, type Journal } from './journal';
import { BodyAborted, BodyTooLarge, declaredLength } from './request-body';
import { requestTarget } from './request-target';

export interface Guard {
  /** Names the mock in answers, e.g. `mock:exchange`. */
  label: string;
  journal: Journal;
  scheme?: 'http' | 'https';
  /** The body limit of a request, by method and URL. */
  limit(method: string, url: URL): number;
}

/** How long a refused client may keep its connection after the answer before it is cut. */
const LINGER_MS = 2000;

export type GuardedHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  limit: number,
) => void | Promise<void>;

/**
 * Serves `handle` behind the checks every mock HTTP server shares: an odd request target is a 400, a
 * body declared past its limit a 413 before anything is read (no `100 Continue` for it), and whatever
 * the handler throws or rejects with is answered (413, or 500 with a journal entry) while the
 * server goes on serving.
 */
export function serveGuarded(server: Server | HttpsServer, guard: Guard, handle: GuardedHandler): void {
  // One microtask later the parser has finished with the request line and headers (and a request
  // without a body is complete), so `req.complete` says whether a body is still on its way.
  const serve = (req: IncomingMessage, res: ServerResponse, expectsContinue: boolean) =>
    Promise.resolve()
      .then(() => {
        const url = checkTarget(guard, req, res);
        if (!url) return;
        const limit = guard.limit(req.method ?? 'GET', url);
        const declared = declaredLength(req) ?? 0;
        if (declared > limit) throw new BodyTooLarge(limit, declared);
        if (expectsContinue) res.writeContinue();
        return handle(req, res, url, limit);
      })
      .catch((error) => answerFailure(guard, req, res, error))
      .catch(() => res.destroy());
  server.on('request', (req, res) => serve(req, res, false));
  server.on('checkContinue', (req, res) => serve(req, res, true));
}

/** The URL to route on, or undefined once an odd target has been answered (400, or OPTIONS *). */
function checkTarget(guard: Guard, req: IncomingMessage, res: ServerResponse): URL | undefined {
  const target = requestTarget(req, guard.scheme ?? 'http');
  if (target.form === 'url') return target.url;
  if (target.form === 'asterisk' && req.method === 'OPTIONS') {
    respond(req, res, 200, '', { allow: 'OPTIONS, GET, HEAD, POST' });
    return undefined;
  }
  const reason = target.form === 'bad' ? target.reason : '"*" is a target for OPTIONS only';
  record(guard, req, 'http.badTarget', { status: 400, reason });
  respond(req, res, 400, `Bad Request - Invalid URL: ${reason}\n`);
  return undefined;
}

/** Answers what a handler failed with; a client that went away is only journaled. */
export function answerFailure(guard: Guard, req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (error instanceof BodyAborted) {
    record(guard, req, 'http.aborted', { error: error.message });
    res.destroy();
    return;
  }
  const tooLarge = error instanceof BodyTooLarge;
  const message = String((error as Error)?.message ?? error).slice(0, 300);
  if (tooLarge) record(guard, req, 'http.tooLarge', { status: 413, limit: error.limit, seen: error.seen });
  else record(guard, req, 'http.error', { status: 500, error: message });
  if (res.headersSent) res.destroy();
  else if (tooLarge) respond(req, res, 413, `[${guard.label}] ${message}\n`);
  else respond(req, res, 500, `[${guard.label}] internal error: ${message}\n`);
}

/**
 * Sends a short answer. When the request's body was not read to its end, the rest is never read: the
 * answer goes straight onto the socket, which is half-closed and let go a moment later. (Node would
 * close it at once, and closing with the client's bytes unread is a TCP reset, which can wipe the
 * answer off the client's side before it reads it.)
 */
export function respond(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  const all = { 'content-type': 'text/plain; charset=utf-8', ...headers };
  if (req.complete || res.headersSent) {
    res.writeHead(status, all).end(text);
    return;
  }
  const socket = req.socket;
  socket.pause();
  const body = Buffer.from(text, 'utf8');
  const lines = Object.entries({ ...all, 'content-length': String(body.length), connection: 'close' }).map(
    ([name, value]) => `${name}: ${value}\r\n`,
  );
  socket.end(
    Buffer.concat([Buffer.from(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join('')}\r\n`), body]),
  );
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/** Journals what the guard answered; a journal that cannot write (whatever broke it) stops no answer. */
function record(guard: Guard, req: IncomingMessage, operation: string, outcome: Record<string, unknown>) {
  try {
    guard.journal.record({
      operation,
      request: { method: req.method, target: excerpt(req.url ?? '', 160) },
      outcome,
    });
  } catch {}
}
