import { createServer } from 'node:http';
import { http } from 'msw';
import {
  defineMock,
  IIS_DEFAULT_MAX_CONTENT,
  listenOn,
  pathIs,
  prologue,
  serveHandlers,
  unmatchedRequests,
  urlHost,
} from '../admin';
import { ABS_PATH, AddressBookService } from './address-book';
import { answerCertProv, CERT_PROV_FAULTS, CERT_PROV_PATH, plainText } from './cert-prov';
import { type PoolInstall, parsePoolInstall, splitPem } from './fe-state';
import { poolAsDeployed, poolMechanism } from './mechanism-faults';

import { type Registrar, startRegistrar } from './registrar';

/**
 * What a Lync Phone Edition signs in to: the certificate provisioning web service over plain HTTP (the
 * port 80 download of the chain; admin API on the same port) and the registrar over TLS.
 */
export const startLyncFeMock = defineMock({
  name: 'lync-fe',
  setup({ clock, journal, faults }, options) {
    let pool: PoolInstall | undefined;
    let startedWith: PoolInstall | undefined;
    const addressBook = new AddressBookService();
    let absUrl: string | undefined;
    let fixture: string | undefined;
    let registrar: Registrar | undefined;
    const mechanism = poolMechanism(() => {
      if (pool) registrar?.install(poolAsDeployed(pool, mechanism.values, startedWith));
    });
    const install = (body: string) => {
      // The reset installs the same text again: it was checked (certificates parsed, key tried) when loaded.
      if (body !== fixture || !pool) pool = parsePoolInstall(body);
      startedWith ??= pool;
      registrar?.install(poolAsDeployed(pool, mechanism.values, startedWith));
      fixture = body;
      return { chainCertificates: splitPem(pool.chainPem).length };
    };

    const served = prologue({ journal, faults, replies: CERT_PROV_FAULTS });
    let webPort = 0;
    const handlers = [
      http.all(
        pathIs(CERT_PROV_PATH),
        served('certprov.chain', ({ request }) =>
          answerCertProv(
            request.method,
            pool && poolAsDeployed(pool, mechanism.values, startedWith),
            journal,
            webPort,
          ),
        ),
      ),
      http.all(
        pathIs(`${ABS_PATH}/:file`),
        served('abs.download', ({ request, params }) =>
          addressBook.serve(request.method, String(params.file), clock.now(), journal),
        ),
      ),
    ];
    const unmatched = unmatchedRequests(journal, 'http.unknown', (_method, path) =>
      plainText(404, `no such resource ${path}; the chain is at GET ${CERT_PROV_PATH}\n`),
    );

    return {
      admin: {
        load: (body) => install(body),
        reset: () => {
          mechanism.reset();
          if (fixture) install(fixture);
          addressBook.clear();
        },
        // What the User Replicator read from AD: the Address Book Service's content.
        routes: {
          'PUT /__admin/address-book': (req) =>
            mechanism.values.addressBookNotReplicated
              ? { json: { entries: 0, replicated: false } }
              : addressBook.route()(req),
          'PUT /__admin/mechanism': mechanism.route,
        },
      },
      async listen({ host, port, routes }) {
        const started = await startRegistrar(
          host,
          options.sipPort ?? 0,
          journal,
          () => absUrl,
          () => mechanism.values.registrarRefusesUser,
        );
        registrar = started;
        const server = createServer();
        serveHandlers(server, {
          label: 'mock:lync-fe',
          journal,
          // The pool's web services run on IIS: its default request limit (mocks/admin/http-limits.ts).
          limit: () => IIS_DEFAULT_MAX_CONTENT,
          // No resource here reads a body: it is counted to the limit and dropped.
          keep: 0,
          handlers,
          admin: routes,
          unmatched,
        });
        const { base, close } = await listenOn(server, { host, port });
        absUrl = `${base}${ABS_PATH}`;
        webPort = Number(new URL(base).port);
        return {
          urls: { http: base, sip: `sips://${urlHost(host)}:${started.port}` },
          adminUrl: base,
          close: () => Promise.all([started.stop(), close()]),
        };
      },
    };
  },
});
