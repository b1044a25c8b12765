import { createSecureContext } from 'node:tls';
import { AdminInputError, type AdminRoute } from '../admin';
import { type EdgeInstall, type EdgeState, parseInstall, parseObject } from './edge-state';
import { parseRoots } from './root-store';

/**
 * The Edge's own admin routes:
 * - `PUT /__admin/roots {roots}`: replace the Root store (Schannel reads it on the next handshake);
 * - `PUT /__admin/stores {intermediate?, clientAuthIssuers?}`: replace what was added to the Intermediate
 *   Certification Authorities store, or the Client Authentication Issuers store (PEM certificates);
 * - `PUT /__admin/registry {SendTrustedIssuerList: 0 | 1 | null}`: write the SCHANNEL value (read at start);
 * - `POST /__admin/restart`: restart the server (the registry value takes effect);
 * - `GET /__admin/status`: OS, registry, store size, the issuer list, replica, event log;
 * - `GET /__admin/issuer-list`: every name of the store the list is built from, with its bytes on the wire.
 */
export function edgeRoutes(state: EdgeState, apply: () => void): Record<string, AdminRoute> {
  return {
    'PUT /__admin/roots': (req) => {
      state.store = parseRoots(parseObject(req.body).roots);
      apply();
      return { json: state.status() };
    },
    'PUT /__admin/stores': (req) => {
      const body = parseObject(req.body);
      if (body.intermediate !== undefined) state.addedIntermediates = parseRoots(body.intermediate);
      if (body.clientAuthIssuers !== undefined) state.clientAuthIssuers = parseRoots(body.clientAuthIssuers);
      apply();
      return { json: state.status() };
    },
    'PUT /__admin/registry': (req) => {
      const value = parseObject(req.body).SendTrustedIssuerList;
      if (value !== null && value !== 0 && value !== 1)
        throw new AdminInputError(
          `SendTrustedIssuerList must be 0, 1 or null (delete the value), got ${JSON.stringify(value)}`,
          'bad-registry',
          'SendTrustedIssuerList',
        );
      state.writeRegistry(value ?? undefined);
      apply();
      return { json: state.status() };
    },
    'POST /__admin/restart': () => {
      state.restart();
      apply();
      return { json: state.status() };
    },
    'PUT /__admin/mechanism': async (req) => {
      const answer = await state.mechanism.route(req);
      apply();
      return answer;
    },
    'GET /__admin/status': () => ({ json: state.status() }),
    'GET /__admin/issuer-list': () => ({ json: state.issuerListLayout() }),
  };
}

/** The install a PUT /__admin/data body describes, its certificate and key checked usable by TLS. */
export function parseUsableInstall(body: string): EdgeInstall {
  const install = parseInstall(body);
  const pair = `${install.certPem}\0${install.keyPem}`;
  if (usablePairs.has(pair)) return install;
  try {
    createSecureContext({ cert: install.certPem, key: install.keyPem });
  } catch (error) {
    throw new AdminInputError(
      `the Edge certificate or key is unusable: ${(error as Error).message}`,
      'bad-certificate',
      'certPem',
    );
  }
  if (usablePairs.size >= 16) usablePairs.clear();
  usablePairs.add(pair);
  return install;
}

/** Certificate and key pairs already checked (checking one builds a TLS context, which is not cheap). */
const usablePairs = new Set<string>();

/** Installs the Edge (a load, or a reset back to the loaded install) and applies its TLS context. */
export function installEdge(state: EdgeState, install: EdgeInstall, apply: () => void) {
  state.load(install);
  apply();
  return state.status();
}
