import { defineMock, type MockOptions, parseJson, urlHost } from '../admin';
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
export const startLdapMock = defineMock<LdapMockOptions>({
  name: (options) => options.service ?? 'ldap',
  setup({ clock, journal, faults }, options) {
    const state = new DirectoryState(clock);
    const passwords = new Passwords();
    let protocolErrors = 0;
    const dc = new DomainController({ state, passwords, journal, faults, clock });
    return {
      admin: {
        reset: () => {
          state.resetMechanism();
          state.reset();
        },
        loadStream: (body) => state.loadStream(body),
        routes: {
          'PUT /__admin/passwords': (req) => {
            passwords.set(parseJson(req.body, '{ "default": "...", "accounts": { "name": "..." } }'));
            return { json: { updated: true } };
          },
          'PUT /__admin/mechanism': state.mechanism.route,
          'GET /__admin/stats': () => ({
            json: {
              entries: state.dit.size,
              baseDn: state.dit.baseDn,
              protocolErrors,
              memory: process.memoryUsage().rss,
            },
          }),
        },
      },
      async listen({ host, port }) {
        const listener = await startLdapListener({
          host,
          port: port ?? 0,
          limits: options.limits,
          onRequest: (conn, req) => dc.handle(conn, req),
          onClose: (conn) => dc.closed(conn),
          onProtocolError: () => {
            protocolErrors++;
          },
        });
        return { urls: { ldap: `ldap://${urlHost(host)}:${listener.port}` }, close: () => listener.close() };
      },
    };
  },
});
