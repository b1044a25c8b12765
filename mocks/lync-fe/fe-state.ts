import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { AdminInputError, parseJson } from '../admin';

/** What the harness installs on the pool: the chain the provisioning service hands out, and the registrar's certificate. */
export interface PoolInstall {
  /** PEM certificates served over HTTP: the intermediate(s) and root. */
  chainPem: string;
  /** The registrar's leaf (only the leaf is presented in the handshake) and its key. */
  registrar: { certPem: string; keyPem: string };
}

export function parsePoolInstall(body: string): PoolInstall {
  const data: Partial<PoolInstall> = parseJson(body, '{ chainPem, registrar: { certPem, keyPem } }');
  if (typeof data.chainPem !== 'string' || !data.chainPem.includes('BEGIN CERTIFICATE'))
    throw new AdminInputError('"chainPem" must hold PEM certificates', 'bad-chain', 'chainPem');
  for (const pem of splitPem(data.chainPem)) {
    try {
      new X509Certificate(pem);
    } catch (error) {
      throw new AdminInputError(
        `"chainPem" holds a bad certificate: ${(error as Error).message}`,
        'bad-chain',
        'chainPem',
      );
    }
  }
  const registrar = data.registrar;
  if (typeof registrar?.certPem !== 'string' || typeof registrar.keyPem !== 'string')
    throw new AdminInputError('"registrar" must be { certPem, keyPem }', 'bad-registrar', 'registrar');
  if (splitPem(registrar.certPem).length !== 1)
    throw new AdminInputError(
      '"registrar.certPem" must be the leaf alone (the registrar presents no intermediate)',
      'bad-registrar',
      'registrar.certPem',
    );
  try {
    createSecureContext({ cert: registrar.certPem, key: registrar.keyPem });
  } catch (error) {
    throw new AdminInputError(
      `the registrar certificate or key is unusable: ${(error as Error).message}`,
      'bad-registrar',
      'registrar',
    );
  }
  return { chainPem: data.chainPem, registrar: { certPem: registrar.certPem, keyPem: registrar.keyPem } };
}

export function splitPem(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
