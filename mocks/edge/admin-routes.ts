import { createSecureContext } from 'node:tls';
import { AdminInputError, type AdminRoute } from '../admin';
import { type EdgeState, parseInstall, parseObject, parseRoots } from './edge-state';

/**
 * The Edge's own admin routes:
 * - `PUT /__admin/roots {roots}`: replace the Root store (Schannel reads it on the next handshake);
 * - `PUT /__admin/registry {SendTrustedIssuerList: 0 | 1 | null}`: write the SCHANNEL value (read at start);
 * - `POST /__admin/restart`: restart the server (the registry value takes effect);
 * - `GET /__admin/status`: OS, registry, store size, the issuer list, replica, event log.
 */
export function edgeRoutes(state: EdgeState, apply: () => void): Record<string, AdminRoute> {
  return {
    'PUT /__admin/roots': (req) => {
      state.store = parseRoots(parseObject(req.body).roots);
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
      state.registryWritten = value ?? undefined;
      return { json: state.status() };
    },
    'POST /__admin/restart': () => {
      state.restart();
      apply();
      return { json: state.status() };
    },
    'GET /__admin/status': () => ({ json: state.status() }),
  };
}

export function loadInstall(state: EdgeState, body: string, apply: () => void) {
  const install = parseInstall(body);
  try {
    createSecureContext({ cert: install.certPem, key: install.keyPem });
  } catch (error) {
    throw new AdminInputError(
      `the Edge certificate or key is unusable: ${(error as Error).message}`,
      'bad-certificate',
      'certPem',
    );
  }
  state.load(install);
  apply();
  return state.status();
}
