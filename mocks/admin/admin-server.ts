import { createServer } from 'node:http';
import { adminContext } from './admin-handlers';
import { type AdminRoutes, errors } from './admin-routes';
import { loopbackHost, urlHost } from './contract';
import { adminBodyLimit } from './http-limits';
import { closeServer, listenOnLoopback, stopOnce } from './listen';
import { serveHandlers } from './msw-adapter';

/** Starts a stand-alone admin server (for mocks that do not speak HTTP themselves). */
export async function startAdminServer(routes: AdminRoutes, host?: string, port = 0) {
  const bind = loopbackHost(host);
  const context = adminContext(routes);
  const server = createServer();
  serveHandlers(server, {
    label: `mock:${context.service} admin`,
    journal: context.journal,
    limit: (method, url) => adminBodyLimit(method, url.pathname),
    handlers: [],
    admin: routes,
    unmatched: () =>
      Response.json(errors('not-admin', 'only /__admin/ routes are served here'), { status: 404 }),
  });
  const bound = await listenOnLoopback(server, bind, port);
  return {
    url: `http://${urlHost(bind)}:${bound}`,
    token: context.token,
    stop: stopOnce(() => closeServer(server)),
    server,
  };
}
