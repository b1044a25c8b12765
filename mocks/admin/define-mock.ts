import type { Server } from 'node:net';
import { adminContext } from './admin-handlers';
import { type AdminOptions, type AdminRoutes, adminRoutes } from './admin-routes';
import { startAdminServer } from './admin-server';
import { loopbackHost, type MockOptions, type StartedMock, urlHost } from './contract';
import { closeServer, listenOnLoopback, stopOnce } from './listen';
import { type MockCore, mockCore } from './mock-core';

/** What a mock's admin API does beyond the shared routes: load its data, reset it, its own routes. */
export type MockAdmin = Omit<AdminOptions, keyof MockCore>;

/** The mock's protocol listeners, as opened by its definition. */
export interface MockListeners {
  /** Its endpoints by protocol name (the kit adds `admin`). */
  urls: Record<string, string>;
  /** Its admin API's base URL when one of its own HTTP listeners answers it; otherwise the kit serves one. */
  adminUrl?: string;
  close(): Promise<unknown>;
}

/** Where a mock's listeners bind, and the admin routes an HTTP listener of its own may answer. */
export interface ListenContext {
  host: string;
  port?: number;
  routes: AdminRoutes;
}

export interface MockDefinition<Options extends MockOptions> {
  /** The service's name (journal, health), or how the options name it. */
  name: string | ((options: Options) => string);
  /** Builds the mock's state on its clock, journal and faults; says what its admin API adds and how it listens. */
  setup(
    core: MockCore,
    options: Options,
  ): { admin: MockAdmin; listen(at: ListenContext): Promise<MockListeners> };
}

type StartMock<Options> = (options?: Options) => Promise<StartedMock & AsyncDisposable>;

/**
 * One way to build a mock: the kit binds loopback only, makes its clock, journal and fault plan,
 * serves the admin API (on the mock's own HTTP port when it answers it, else on `adminPort`), and
 * returns the typed URLs, the admin token and a stop that is idempotent and `await using`-able.
 */
export function defineMock<Options extends MockOptions = MockOptions>(
  definition: MockDefinition<Options>,
): StartMock<Options> {
  return async (options = {} as Options) => {
    const host = loopbackHost(options.host);
    const name = typeof definition.name === 'function' ? definition.name(options) : definition.name;
    const core = mockCore(name);
    const mock = definition.setup(core, options);
    const routes = adminRoutes({ ...core, ...mock.admin });
    const listeners = await mock.listen({ host, port: options.port, routes });
    const admin = listeners.adminUrl
      ? undefined
      : await startAdminServer(routes, host, options.adminPort ?? 0);
    const stop = stopOnce(() => Promise.all([listeners.close(), admin?.stop()]));
    return {
      name,
      urls: { ...listeners.urls, admin: listeners.adminUrl ?? (admin?.url as string) },
      adminToken: adminContext(routes).token,
      stop,
      [Symbol.asyncDispose]: stop,
    };
  };
}

/** Listens on loopback and answers `{ base, close }`: the server's base URL (`http://127.0.0.1:port`) and its close. */
export async function listenOn(
  server: Server,
  at: Pick<ListenContext, 'host' | 'port'>,
  scheme: 'http' | 'https' = 'http',
): Promise<{ base: string; close: () => Promise<void> }> {
  const port = await listenOnLoopback(server, at.host, at.port);
  return { base: `${scheme}://${urlHost(at.host)}:${port}`, close: () => closeServer(server) };
}
