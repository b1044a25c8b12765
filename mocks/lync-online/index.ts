import { createServer } from 'node:http';
import {
  AdminInputError,
  adminContext,
  adminRoutes,
  closeServer,
  handleAdmin,
  IIS_DEFAULT_MAX_CONTENT,
  listenOnLoopback,
  loopbackHost,
  type MockOptions,
  mockCore,
  parseJson,
  readBody,
  type StartedMock,
  serveGuarded,
  stopOnce,
  urlHost,
  withAdminLimits,
} from '../admin';
import { DEFAULT_LIMITS, type Directory, parseDirectory } from './directory';
import { PresenceService } from './presence-service';
import { handleUcwa } from './routes';

/** Lync Online's contact lists and presence over UCWA-style HTTP resources (admin API on the same port). */
export async function startLyncOnlineMock(options: MockOptions = {}): Promise<StartedMock> {
  const host = loopbackHost(options.host);
  const core = mockCore('lync-online');
  const { journal, faults } = core;
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
    routes: {
      /** `{ "sip:lee.chan@xyz.corp": 200 }`: people who already follow these publishers, until the next reset. */
      'PUT /__admin/followers': (req) => {
        const counts = parseFollowers(req.body);
        for (const [sip, count] of Object.entries(counts)) service.setFollowers(sip, count);
        return { json: { followers: counts } };
      },
    },
  });
  const server = createServer();
  // Lync's web services run on IIS: its default request limit (mocks/admin/http-limits.ts).
  const limit = withAdminLimits(() => IIS_DEFAULT_MAX_CONTENT);
  serveGuarded(server, { label: 'mock:lync-online', journal, limit }, async (req, res, url, max) => {
    if (await handleAdmin(routes, req, res, url)) return;
    const body = (await readBody(req, max)).toString('utf8');
    await handleUcwa({ service, journal, faults }, { req, res, url, body });
  });
  const port = await listenOnLoopback(server, host, options.port);
  const base = `http://${urlHost(host)}:${port}`;
  return {
    name: 'lync-online',
    urls: { http: base, admin: base },
    adminToken: adminContext(routes).token,
    stop: stopOnce(() => closeServer(server)),
  };
}

function parseFollowers(body: string): Record<string, number> {
  const counts = parseJson(body, '{ "sip:user@domain": count }');
  const entries = Object.entries(counts);
  const bad = entries.find(([, n]) => !Number.isInteger(n) || (n as number) < 0);
  if (bad)
    throw new AdminInputError(`follower counts must be whole numbers >= 0 by SIP address`, 'bad-followers');
  return Object.fromEntries(entries) as Record<string, number>;
}
