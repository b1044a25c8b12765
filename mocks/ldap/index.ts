import {
  AdminInputError,
  adminRoutes,
  loopbackHost,
  type MockOptions,
  mockCore,
  type StartedMock,
  startAdminServer,
  urlHost,
} from '../admin';
import { Passwords } from './bind';
import { DirectoryState } from './directory-state';
import { type ConnectionLimits, startLdapListener } from './listener';
import { DomainController } from './server';

export interface LdapMockOptions extends MockOptions {
  /** The service name (journal, health): `ldap-onpremises` or `ldap-online`. */
  service?: string;
  /** Frame size and timeouts of client connections (AD's defaults unless set: tests shorten them). */
  limits?: Partial<ConnectionLimits>;
}

/**
 * A mock Active Directory domain controller for one forest, over LDAP on loopback. It starts empty;
 * `PUT /__admin/data` (LDIF) loads the forest and answers `{ entries, baseDn, addedParents }` (the DNs
 * of the naming-context head and containers the export left out), `POST /__admin/reset` undoes every
 * write since then, `PUT /__admin/passwords` sets account passwords ({ default, accounts: { name: password } }).
 */
export async function startLdapMock(options: LdapMockOptions = {}): Promise<StartedMock> {
  const name = options.service ?? 'ldap';
  const host = loopbackHost(options.host);
  const core = mockCore(name);
  const { clock, journal, faults } = core;
  const state = new DirectoryState(clock);
  const passwords = new Passwords();
  let protocolErrors = 0;
  const dc = new DomainController({ state, passwords, journal, faults, clock });
  const listener = await startLdapListener({
    host,
    port: options.port ?? 0,
    limits: options.limits,
    onRequest: (conn, req) => dc.handle(conn, req),
    onClose: (conn) => dc.closed(conn),
    onProtocolError: () => {
      protocolErrors++;
    },
  });
  const routes = adminRoutes({
    ...core,
    reset: () => {
      state.reset();
    },
    load: (body) => state.load(body),
    routes: {
      'PUT /__admin/passwords': (req) => {
        try {
          passwords.set(JSON.parse(req.body || '{}'));
        } catch {
          throw new AdminInputError(
            'the body must be JSON: { "default": "...", "accounts": { "name": "..." } }',
          );
        }
        return { json: { updated: true } };
      },
      'GET /__admin/stats': () => ({
        json: {
          entries: state.dit.size,
          baseDn: state.dit.baseDn,
          protocolErrors,
          memory: process.memoryUsage().rss,
        },
      }),
    },
  });
  const admin = await startAdminServer(routes, host, options.adminPort ?? 0);
  let stopped: Promise<void> | undefined;
  return {
    name,
    urls: { ldap: `ldap://${urlHost(host)}:${listener.port}`, admin: admin.url },
    adminToken: admin.token,
    stop: () => {
      stopped ??= Promise.all([listener.close(), admin.stop()]).then(() => undefined);
      return stopped;
    },
  };
}
