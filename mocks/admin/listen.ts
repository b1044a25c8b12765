import type { AddressInfo, Server } from 'node:net';

/** Listens on a loopback host (already checked by `loopbackHost`) and resolves to the port it got. */
export function listenOnLoopback(server: Server, host: string, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Closes a server and, for HTTP servers, drops kept-alive connections so the close does not wait on them. */
export function closeServer(server: Server & { closeAllConnections?: () => void }): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}

/** Wraps a stop function so that a second call returns the first call's promise. */
export function stopOnce(stop: () => Promise<unknown>): () => Promise<void> {
  let stopped: Promise<void> | undefined;
  return () => {
    stopped ??= stop().then(() => undefined);
    return stopped;
  };
}
