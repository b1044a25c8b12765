import type { IncomingMessage } from 'node:http';
import { BodyStream, readBody } from './request-body';

interface Body {
  bytes(): Promise<Buffer>;
  stream?(): BodyStream;
}

const bodies = new WeakMap<Request, Body>();

/** Says how the body of a request the adapter built is read (once, when first asked for). */
export function holdBytes(request: Request, read: () => Promise<Buffer>): void {
  let bytes: Promise<Buffer> | undefined;
  bodies.set(request, {
    bytes: () => {
      bytes ??= read();
      return bytes;
    },
  });
}

/**
 * The same for a body still on the wire (an admin request's): read whole within `limit` on the first
 * `requestBytes`, or a piece at a time through `requestStream`, whichever is asked for first.
 */
export function holdBody(request: Request, req: IncomingMessage, limit: number): void {
  let bytes: Promise<Buffer> | undefined;
  let stream: BodyStream | undefined;
  bodies.set(request, {
    bytes: () => {
      if (stream) throw new Error('[mock] requestBytes: this body is being read as a stream');
      bytes ??= readBody(req, limit);
      return bytes;
    },
    stream: () => {
      if (bytes) throw new Error('[mock] requestStream: this body was read whole');
      stream ??= new BodyStream(req, limit);
      return stream;
    },
  });
}

/**
 * The body of a request `serveHandlers` serves, as received (within its limit). A service request's
 * body was read before any handler ran; an admin request's is read on this first call, so a route
 * can refuse a request (no token) without reading what it carries.
 */
export function requestBytes(request: Request): Promise<Buffer> {
  return bodyOf(request).bytes();
}

/** An admin request's body a piece at a time, as it arrives (a large data load). */
export function requestStream(request: Request): BodyStream {
  const stream = bodyOf(request).stream;
  if (!stream) throw new Error('[mock] requestStream: this body was read before its handler ran');
  return stream();
}

function bodyOf(request: Request): Body {
  const body = bodies.get(request);
  if (!body) throw new Error('[mock] requestBytes: this request was not served by serveHandlers');
  return body;
}
