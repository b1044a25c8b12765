import type { Socket } from 'node:net';
import { CODE } from './ad-errors';
import { noticeOfDisconnection } from './ber';
import { decodeMessage } from './decode-message';
import { Framer } from './framer';
import type { LdapRequest } from './ldap-request';

export interface Connection {
  id: string;
  /** Writes one message, or several in one corked write (a search's entries and its done message). */
  write(bytes: Buffer | Buffer[]): void;
  destroy(): void;
}

export interface ConnectionLimits {
  /** The largest LDAPMessage a client may send (AD's MaxReceiveBuffer: 10,485,760 bytes). */
  maxFrameBytes: number;
  /** A connection whose client sends nothing for this long is closed (AD's MaxConnIdleTime: 900 s). */
  idleTimeoutMs: number;
  /** A message begun and not finished within this long ends the connection (more bytes do not extend it). */
  frameTimeoutMs: number;
}

export interface ConnectionHandlers {
  onRequest(conn: Connection, request: LdapRequest): void;
  onClose(conn: Connection): void;
  onProtocolError(error: Error): void;
}

/**
 * One client connection: frames cut from the stream, each decoded and handed on in order. Malformed
 * input, a limit or a stalled half message gets a Notice of Disconnection and ends this connection only.
 */
export function serveConnection(
  socket: Socket,
  id: string,
  limits: ConnectionLimits,
  handlers: ConnectionHandlers,
): Connection {
  const framer = new Framer(limits.maxFrameBytes);
  const conn: Connection = {
    id,
    write: (bytes) => write(socket, bytes),
    // What a batch wrote before (an unbind after searches, a reset fault) goes out before the close.
    destroy: () => {
      while (socket.writableCorked > 0) socket.uncork();
      socket.destroy();
    },
  };
  let closing = false;
  let frameTimer: NodeJS.Timeout | undefined;
  let closeTimer: NodeJS.Timeout | undefined;
  const idle = idleWatch(limits.idleTimeoutMs, () => socket.destroy());

  const disconnect = (reason: string): void => {
    if (closing) return;
    closing = true;
    clearTimeout(frameTimer);
    handlers.onProtocolError(new Error(`[mock:ldap] ${id}: ${reason}`));
    const notice = noticeOfDisconnection(
      CODE.protocolError,
      `[mock:ldap] ${reason}; the server closes this connection`,
    );
    // Later bytes are still read (and dropped), so the close is a FIN after the notice, not a reset.
    socket.end(notice, () => socket.destroy());
    closeTimer = setTimeout(() => socket.destroy(), Math.min(limits.frameTimeoutMs, 10_000)).unref();
  };

  socket.setNoDelay(true);
  socket.on('error', () => undefined); // a reset by the peer: 'close' follows
  socket.on('close', () => {
    clearTimeout(frameTimer);
    clearTimeout(closeTimer);
    idle.stop();
    handlers.onClose(conn);
  });
  socket.on('data', (chunk: Buffer) => {
    if (closing) return;
    idle.touch();
    let frames: Buffer[];
    try {
      frames = framer.push(chunk);
    } catch (error) {
      disconnect((error as Error).message);
      return;
    }
    // Requests that came in one read are answered in one write (a client that pipelines gets one writev).
    const batched = frames.length > 1;
    if (batched) socket.cork();
    try {
      for (const frame of frames) {
        let request: LdapRequest;
        try {
          request = decodeMessage(frame);
        } catch (error) {
          disconnect(`malformed LDAPMessage: ${(error as Error).message}`);
          return;
        }
        try {
          handlers.onRequest(conn, request);
        } catch (error) {
          handlers.onProtocolError(error as Error);
          socket.destroy();
        }
        if (socket.destroyed) return;
      }
    } finally {
      if (batched) socket.uncork();
    }
    if (!framer.partial) {
      clearTimeout(frameTimer);
      frameTimer = undefined;
    } else if (!frameTimer) {
      const stalled = `an LDAPMessage begun was not finished within ${limits.frameTimeoutMs} ms`;
      frameTimer = setTimeout(() => disconnect(stalled), limits.frameTimeoutMs).unref();
    }
  });
  return conn;
}

/**
 * Calls onIdle once the client has sent nothing for `ms`. One timer, re-armed when it fires early: a
 * time stamp per read costs less than resetting a timer on every read and write (socket.setTimeout).
 */
function idleWatch(ms: number, onIdle: () => void): { touch(): void; stop(): void } {
  let last = performance.now();
  const check = (): void => {
    const quiet = performance.now() - last;
    if (quiet >= ms) onIdle();
    else timer = setTimeout(check, ms - quiet).unref();
  };
  let timer = setTimeout(check, ms).unref();
  return {
    touch: () => {
      last = performance.now();
    },
    stop: () => clearTimeout(timer),
  };
}

/** Small answers go out as one buffer (one write); large pages corked into one writev. */
function write(socket: Socket, bytes: Buffer | Buffer[]): void {
  if (socket.destroyed || socket.writableEnded) return;
  if (!Array.isArray(bytes)) {
    socket.write(bytes);
    return;
  }
  let size = 0;
  for (const b of bytes) size += b.length;
  if (size <= 16384) {
    socket.write(bytes.length === 1 ? bytes[0] : Buffer.concat(bytes, size));
    return;
  }
  socket.cork();
  for (const b of bytes) socket.write(b);
  socket.uncork();
}
