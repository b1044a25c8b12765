import { createServer, type Socket } from 'node:net';
import { DEFAULT_MAX_FRAME_BYTES } from './framer';
import { type ConnectionHandlers, type ConnectionLimits, serveConnection } from './ldap-connection';

export type { Connection, ConnectionLimits } from './ldap-connection';
export type { LdapRequest } from './ldap-request';

/** AD's defaults (MaxReceiveBuffer, MaxConnIdleTime); a stalled half message gets two minutes. */
export const DEFAULT_LIMITS: ConnectionLimits = {
  maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
  idleTimeoutMs: 900_000,
  frameTimeoutMs: 120_000,
};

export interface ListenerOptions extends ConnectionHandlers {
  host: string;
  port: number;
  limits?: Partial<ConnectionLimits>;
}

/** Accepts LDAP connections on host:port (loopback: the caller's choice) with node:net. */
export async function startLdapListener(
  options: ListenerOptions,
): Promise<{ port: number; close(): Promise<void> }> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const sockets = new Set<Socket>();
  let seq = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, `c${++seq}`, limits, options);
  });
  server.on('error', (error) => options.onProtocolError(error));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
