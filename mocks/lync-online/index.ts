import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  adminRoutes,
  FaultPlan,
  handleAdmin,
  Journal,
  loopbackHost,
  type MockOptions,
  type StartedMock,
  urlHost,
  VirtualClock,
} from '../admin';
import { DEFAULT_LIMITS, type Directory, parseDirectory } from './directory';
import { PresenceService } from './presence-service';
import { handleUcwa } from './routes';

/** Lync Online's contact lists and presence over UCWA-style HTTP resources (admin API on the same port). */
export async function startLyncOnlineMock(options: MockOptions = {}): Promise<StartedMock> {
  const host = loopbackHost(options.host);
  const clock = new VirtualClock();
  const journal = new Journal('lync-online', () => clock.now());
  let fixture: Directory = { people: [], limits: DEFAULT_LIMITS, existingFollowers: {} };
  let service = new PresenceService(fixture);
  const routes = adminRoutes({
    service: 'lync-online',
    clock,
    journal,
    faults: new FaultPlan(),
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const base = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
  let stopped: Promise<void> | undefined;
  return {
    name: 'lync-online',
    urls: { http: base, admin: base },
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return stopped;
    },
  };
}
