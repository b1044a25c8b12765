import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  applyHttpFault,
  defineMock,
  discardBody,
  type FaultReplies,
  faultStatus,
  handleAdmin,
  IIS_DEFAULT_MAX_CONTENT,
  listenOn,
  serveGuarded,
  urlHost,
  withAdminLimits,
} from '../admin';
import { ABS_PATH, AddressBookService } from './address-book';
import { type PoolInstall, parsePoolInstall, splitPem } from './fe-state';
import { type Registrar, startRegistrar } from './registrar';

export const CERT_PROV_PATH = '/CertProv/CertProvisioningService.svc';

/**
 * What a Lync Phone Edition signs in to: the certificate provisioning web service over plain HTTP (the
 * port 80 download of the chain; admin API on the same port) and the registrar over TLS.
 */
export const startLyncFeMock = defineMock({
  name: 'lync-fe',
  setup({ clock, journal, faults }) {
    let pool: PoolInstall | undefined;
    const addressBook = new AddressBookService();
    let absUrl: string | undefined;
    let fixture: string | undefined;
    let registrar: Registrar | undefined;
    const install = (body: string) => {
      pool = parsePoolInstall(body);
      registrar?.install(pool);
      fixture = body;
      return { chainCertificates: splitPem(pool.chainPem).length };
    };

    function serveCertProv(req: IncomingMessage, res: ServerResponse, path: string): void {
      if (path !== CERT_PROV_PATH) {
        journal.record({
          operation: 'http.unknown',
          request: { method: req.method, path },
          outcome: { status: 404 },
          unmatched: true,
        });
        res
          .writeHead(404, { 'content-type': 'text/plain' })
          .end(`no such resource ${path}; the chain is at GET ${CERT_PROV_PATH}\n`);
        return;
      }
      if (req.method !== 'GET') {
        journal.record({
          operation: 'certprov.chain',
          request: { method: req.method },
          outcome: { status: 405 },
        });
        res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain' }).end('only GET is served here\n');
        return;
      }
      if (!pool) {
        journal.record({ operation: 'certprov.chain', request: { method: 'GET' }, outcome: { status: 503 } });
        res
          .writeHead(503, { 'content-type': 'text/plain' })
          .end('Unable to locate Lync Certificate Web service: no chain is configured\n');
        return;
      }
      journal.record({
        operation: 'certprov.chain',
        // Which listener the request reached: the pool's plain-HTTP web service (port 80 in production).
        request: {
          method: 'GET',
          listener: 'web service, plain HTTP',
          localPort: req.socket.localPort ?? null,
        },
        outcome: { status: 200, certificates: splitPem(pool.chainPem).length },
      });
      res.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(pool.chainPem);
    }

    return {
      admin: {
        load: (body) => install(body),
        reset: () => {
          if (fixture) install(fixture);
          addressBook.clear();
        },
        // What the User Replicator read from AD: the Address Book Service's content.
        routes: { 'PUT /__admin/address-book': addressBook.route() },
      },
      async listen({ host, port, routes }) {
        const started = await startRegistrar(host, 0, journal, () => absUrl);
        registrar = started;
        const http = createServer();
        // The certificate provisioning service runs on IIS: its default request limit (mocks/admin/http-limits.ts).
        const limit = withAdminLimits(() => IIS_DEFAULT_MAX_CONTENT);
        serveGuarded(http, { label: 'mock:lync-fe', journal, limit }, async (req, res, url, max) => {
          if (await handleAdmin(routes, req, res, url)) return;
          await discardBody(req, max);
          if (
            url.pathname === CERT_PROV_PATH &&
            (await applyHttpFault(faults, journal, 'certprov.chain', { req, res }, CERT_PROV_FAULTS))
          )
            return;
          if (url.pathname.startsWith(`${ABS_PATH}/`))
            return addressBook.serve(req, res, url.pathname, clock.now(), journal);
          serveCertProv(req, res, url.pathname);
        });
        const { base, close } = await listenOn(http, { host, port });
        absUrl = `${base}${ABS_PATH}`;
        return {
          urls: { http: base, sip: `sips://${urlHost(host)}:${started.port}` },
          adminUrl: base,
          close: () => Promise.all([started.stop(), close()]),
        };
      },
    };
  },
});

const CERT_PROV_FAULTS: FaultReplies = {
  malformed: {
    status: 200,
    contentType: 'application/x-pem-file',
    body: '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n',
  },
  error: (code, message) => ({
    status: faultStatus(code),
    contentType: 'text/plain',
    body: `${message ?? `injected ${code}`}\n`,
  }),
};
