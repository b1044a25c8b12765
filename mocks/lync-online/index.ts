import { createServer } from 'node:http';
import {
  AdminInputError,
  defineMock,
  IIS_DEFAULT_MAX_CONTENT,
  listenOn,
  parseJson,
  serveHandlers,
} from '../admin';
import { DEFAULT_LIMITS, type Directory, type Limits, parseDirectory } from './directory';
import { lyncOnlineMechanism } from './mechanism-faults';
import { PresenceService } from './presence-service';
import { ucwaHandlers, ucwaUnmatched } from './routes';

/** Lync Online's contact lists and presence over UCWA-style HTTP resources (admin API on the same port). */
export const startLyncOnlineMock = defineMock({
  name: 'lync-online',
  setup({ journal, faults }) {
    let fixture: Directory = { people: [], limits: DEFAULT_LIMITS, existingFollowers: {} };
    const mechanism = lyncOnlineMechanism();
    const facts = () => mechanism.values;
    let service = new PresenceService(fixture, facts);
    return {
      admin: {
        load: (body) => {
          fixture = parseDirectory(body);
          service = new PresenceService(fixture, facts);
          return { people: service.directory.people.length, limits: service.directory.limits };
        },
        reset: () => {
          mechanism.reset();
          service = new PresenceService(fixture, facts);
        },
        routes: {
          /** `{ "sip:lee.chan@xyz.corp": 200 }`: people who already follow these publishers, until the next reset. */
          'PUT /__admin/followers': (req) => {
            const counts = parseFollowers(req.body);
            for (const [sip, count] of Object.entries(counts)) service.setFollowers(sip, count);
            return { json: { followers: counts } };
          },
          /** `{ "maxContacts": 300 }`: other quotas than Lync Online's, until the next reset. */
          'PUT /__admin/limits': (req) => ({ json: { limits: service.setLimits(parseLimits(req.body)) } }),
          'PUT /__admin/mechanism': mechanism.route,
        },
      },
      async listen({ host, port, routes }) {
        const server = createServer();
        serveHandlers(server, {
          label: 'mock:lync-online',
          journal,
          // Lync's web services run on IIS: its default request limit (mocks/admin/http-limits.ts).
          limit: () => IIS_DEFAULT_MAX_CONTENT,
          handlers: ucwaHandlers({ service: () => service, journal, faults }),
          admin: routes,
          unmatched: ucwaUnmatched(journal),
        });
        const { base, close } = await listenOn(server, { host, port });
        return { urls: { http: base }, adminUrl: base, close };
      },
    };
  },
});

function parseLimits(body: string): Partial<Limits> {
  const limits = parseJson(body, '{ "maxContacts"?, "maxSubscriptions"?, "maxCategorySubscription"? }');
  const known = new Set(Object.keys(DEFAULT_LIMITS));
  for (const [name, n] of Object.entries(limits))
    if (!known.has(name) || !Number.isInteger(n) || (n as number) < 0)
      throw new AdminInputError(`limits: ${name} is not a quota or not a whole number >= 0`, 'bad-limits');
  return limits as Partial<Limits>;
}

function parseFollowers(body: string): Record<string, number> {
  const counts = parseJson(body, '{ "sip:user@domain": count }');
  const entries = Object.entries(counts);
  const bad = entries.find(([, n]) => !Number.isInteger(n) || (n as number) < 0);
  if (bad)
    throw new AdminInputError(`follower counts must be whole numbers >= 0 by SIP address`, 'bad-followers');
  return Object.fromEntries(entries) as Record<string, number>;
}
