const bodies = new WeakMap<Request, () => Promise<Buffer>>();

/** Says how the body of a request the adapter built is read (once, when first asked for). */
export function holdBytes(request: Request, read: () => Promise<Buffer>): void {
  let bytes: Promise<Buffer> | undefined;
  bodies.set(request, () => {
    bytes ??= read();
    return bytes;
  });
}

/**
 * The body of a request `serveHandlers` serves, as received (within its limit). A service request's
 * body was read before any handler ran; an admin request's is read on this first call, so a route
 * can refuse a request (no token) without reading what it carries.
 */
export function requestBytes(request: Request): Promise<Buffer> {
  const read = bodies.get(request);
  if (!read) throw new Error('[mock] requestBytes: this request was not served by serveHandlers');
  return read();
}
