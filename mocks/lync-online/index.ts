import { createServer } from 'node:http';
import {
  adminRoutes,
  closeServer,
  handleAdmin,
  listenOnLoopback,
  loopbackHost,
  type MockOptions,
  mockCore,
  type StartedMock,
  stopOnce,
  urlHost,
} from '../admin';
import { DEFAULT_LIMITS, type Directory, parseDirectory } from './directory';
import { PresenceService } from './presence-service';
import { handleUcwa } from './routes';

/** Lync Online's contact lists and presence over UCWA-style HTTP resources (admin API on the same port). */
export async function startLyncOnlineMock(options: MockOptions = {}): Promise<StartedMock> {
  const host = loopbackHost(options.host);
  const core = mockCore('lync-online');
  const { journal } = core;
  let fixture: Directory = { people: [], limits: DEFAULT_LIMITS, existingFollowers: {} };
  let service = new PresenceService(fixture);
  const routes = adminRoutes({
    ...core,
    load: (body) => {
      fixture = parseDirectory(body);
      service = new PresenceService(fixture);
      return { people: service.directory.people.length, limits: service.directory.limits };
    },
    reset: () => {
      service = new PresenceService(fixture);
    },
  });
  const server = createServer((req, res) => {
    handleAdmin(routes, req, res).then((handled) => {
      if (handled) return;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () =>
        handleUcwa(service, journal, req, Buffer.concat(chunks).toString('utf8').slice(0, 100_000), res),
      );
    });
  });
  const port = await listenOnLoopback(server, host, options.port);
  const base = `http://${urlHost(host)}:${port}`;
  return {
    name: 'lync-online',
    urls: { http: base, admin: base },
    stop: stopOnce(() => closeServer(server)),
  };
}
