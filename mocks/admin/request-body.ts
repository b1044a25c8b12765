import type { IncomingMessage } from 'node:http';

/** The body passed its limit: answered 413 and no longer read. */
export class BodyTooLarge extends Error {
  constructor(
    readonly limit: number,
    readonly seen: number,
  ) {
    super(`the request body is larger than ${limit} bytes`);
  }
}

/** The client went away before its body was complete: nobody is left to answer. */
export class BodyAborted extends Error {}

/** The Content-Length the client declared, if any (node's parser has already refused malformed ones). */
export function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  return header === undefined ? undefined : Number(header);
}

/**
 * Reads a request body, counting as it streams: past `limit` bytes it stops reading and rejects with
 * BodyTooLarge. Only the first `keep` bytes are kept (all of them by default), so a server that
 * cannot use more than that holds no more while it counts. A declared length is allocated once and
 * filled in place, so the body is copied once (a chunked body is joined once at its end).
 */
export function readBody(req: IncomingMessage, limit: number, keep = limit): Promise<Buffer> {
  return consume(req, limit, keep);
}

/** Reads a body nobody needs to its end, keeping none of it, within the same limit. */
export async function discardBody(req: IncomingMessage, limit: number): Promise<void> {
  await consume(req, limit, 0);
}

const ignore = () => {};

function consume(req: IncomingMessage, limit: number, keep: number): Promise<Buffer> {
  const declared = declaredLength(req);
  if (declared !== undefined && declared > limit) return Promise.reject(new BodyTooLarge(limit, declared));
  return new Promise((resolve, reject) => {
    const sink = declared !== undefined ? Buffer.allocUnsafe(Math.min(declared, keep)) : undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    let kept = 0;
    const stop = (error: Error) => {
      detach();
      chunks.length = 0;
      req.pause();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return stop(new BodyTooLarge(limit, size));
      if (kept >= keep) return;
      const piece = chunk.length > keep - kept ? chunk.subarray(0, keep - kept) : chunk;
      if (sink) piece.copy(sink, kept);
      else chunks.push(piece);
      kept += piece.length;
    };
    const onEnd = () => {
      detach();
      resolve(sink ? sink.subarray(0, kept) : Buffer.concat(chunks, kept));
    };
    const onError = (error: Error) => stop(new BodyAborted(`the client went away: ${error.message}`));
    const onClose = () => stop(new BodyAborted('the client went away before the body was complete'));
    const detach = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      // An error after we stopped listening must still find a listener (one that holds no body).
      req.on('error', ignore);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * A request body read a piece at a time as the client sends it, within `limit` bytes (past it:
 * BodyTooLarge), so a data load of a whole tenant is parsed as it arrives and never held whole. The
 * client is held back (the request paused) while a piece waits to be taken. Leaving a `for await`
 * early does not stop the reading: `drain` reads the rest (keeping none of it), so a refused load still
 * gets its answer after the client has sent all it meant to.
 */
export class BodyStream implements AsyncIterable<Buffer> {
  private readonly waiting: Buffer[] = [];
  private size = 0;
  private ended = false;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly req: IncomingMessage,
    private readonly limit: number,
  ) {
    req.on('data', this.onData);
    req.on('end', this.onEnd);
    req.on('error', this.onError);
    req.on('close', this.onClose);
  }

  /** The next piece, or undefined at the end of the body. */
  async next(): Promise<Buffer | undefined> {
    for (;;) {
      const piece = this.waiting.shift();
      if (piece) return piece;
      if (this.failure) throw this.failure;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.req.resume();
      });
    }
  }

  /** Reads what is left of the body and drops it. */
  async drain(): Promise<void> {
    while ((await this.next()) !== undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return {
      next: async () => {
        const value = await this.next();
        return value === undefined ? { done: true, value: undefined } : { done: false, value };
      },
    };
  }

  private readonly onData = (chunk: Buffer) => {
    this.size += chunk.length;
    if (this.size > this.limit) return this.stop(new BodyTooLarge(this.limit, this.size));
    this.waiting.push(chunk);
    this.req.pause();
    this.signal();
  };

  private readonly onEnd = () => {
    this.ended = true;
    this.detach();
    this.signal();
  };

  private readonly onError = (error: Error) =>
    this.stop(new BodyAborted(`the client went away: ${error.message}`));

  private readonly onClose = () =>
    this.stop(new BodyAborted('the client went away before the body was complete'));

  private stop(error: Error): void {
    if (this.ended || this.failure) return;
    this.failure = error;
    this.waiting.length = 0;
    this.detach();
    this.req.pause();
    this.signal();
  }

  private detach(): void {
    this.req.off('data', this.onData);
    this.req.off('end', this.onEnd);
    this.req.off('error', this.onError);
    this.req.off('close', this.onClose);
    // An error after we stopped listening must still find a listener (one that holds no body).
    this.req.on('error', ignore);
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
