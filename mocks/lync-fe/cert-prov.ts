import { type FaultReplies, faultStatus, type Journal } from '../admin';
import { type PoolInstall, splitPem } from './fe-state';

export const CERT_PROV_PATH = '/CertProv/CertProvisioningService.svc';

export const plainText = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain', ...headers } });

/**
 * The certificate provisioning web service: GET hands out the pool's chain (PEM); another method is
 * a 405; a pool with no chain yet answers 503 as Lync's web service does. `webPort` is the port of
 * the plain-HTTP listener the request reached (port 80 in production).
 */
export function answerCertProv(
  method: string,
  pool: PoolInstall | undefined,
  journal: Journal,
  webPort: number,
): Response {
  if (method !== 'GET') {
    journal.record({ operation: 'certprov.chain', request: { method }, outcome: { status: 405 } });
    return plainText(405, 'only GET is served here\n', { allow: 'GET' });
  }
  if (!pool) {
    journal.record({ operation: 'certprov.chain', request: { method: 'GET' }, outcome: { status: 503 } });
    return plainText(503, 'Unable to locate Lync Certificate Web service: no chain is configured\n');
  }
  journal.record({
    operation: 'certprov.chain',
    request: { method: 'GET', listener: 'web service, plain HTTP', localPort: webPort },
    outcome: { status: 200, certificates: splitPem(pool.chainPem).length },
  });
  return new Response(pool.chainPem, { headers: { 'content-type': 'application/x-pem-file' } });
}

export const CERT_PROV_FAULTS: FaultReplies = {
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
