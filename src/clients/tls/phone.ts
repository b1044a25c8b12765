import { connect } from 'node:tls';
import { httpCall } from '../../util/http-call';

export type SignInPath = 'pin' | 'usb';

export interface PoolEndpoints {
  /** The certificate provisioning service's base URL (plain HTTP). */
  http: string;
  /** The registrar, sips://host:port. */
  sip: string;
  /** The pool FQDN the phone expects in the certificate. */
  fqdn: string;
}

export interface SignInResult {
  path: SignInPath;
  /** What the phone did on the network, in order: "http chain download", "tls handshake". */
  steps: string[];
  /** Where each step connected, in the same order: scheme and host:port as the phone dialled them. */
  endpoints: string[];
  registered: boolean;
  /** The TLS error, in words, when the handshake failed. */
  failure?: string;
  tlsErrorCode?: string;
}

export const CERT_PROV_PATH = '/CertProv/CertProvisioningService.svc';

/**
 * A Lync Phone Edition (Aries) signing in. It ships with a factory root store. PIN authentication first
 * downloads the certificate chain over plain HTTP (it cannot validate TLS yet) and keeps it; USB
 * tethering goes straight to TLS with what the phone already holds.
 */
export class LyncPhone {
  /** Certificates the phone downloaded and remembers (PEM). */
  readonly remembered: string[] = [];

  constructor(private readonly factoryRoots: string[]) {}

  async signIn(path: SignInPath, pool: PoolEndpoints): Promise<SignInResult> {
    const steps: string[] = [];
    const endpoints: string[] = [];
    if (path === 'pin') {
      steps.push('http chain download');
      endpoints.push(new URL(CERT_PROV_PATH, pool.http).origin);
      const chain = await this.downloadChain(pool.http);
      for (const pem of chain) if (!this.remembered.includes(pem)) this.remembered.push(pem);
    }
    steps.push('tls handshake');
    endpoints.push(`tls://${new URL(pool.sip).host}`);
    try {
      await this.register(pool);
      return { path, steps, endpoints, registered: true };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        path,
        steps,
        endpoints,
        registered: false,
        failure: describe(error as Error, code),
        tlsErrorCode: code,
      };
    }
  }

  private async downloadChain(base: string): Promise<string[]> {
    const response = await httpCall(`${base}${CERT_PROV_PATH}`);
    const text = response.text();
    if (!response.ok)
      throw new Error(`[phone] Error downloading certificate chain: HTTP ${response.status} ${text.trim()}`);
    return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) ?? [];
  }

  private register(pool: PoolEndpoints): Promise<void> {
    const url = new URL(pool.sip);
    return new Promise((resolve, reject) => {
      const socket = connect({
        host: url.hostname,
        port: Number(url.port),
        servername: pool.fqdn,
        ca: [...this.factoryRoots, ...this.remembered],
        minVersion: 'TLSv1.2',
      });
      let answer = '';
      socket.setTimeout(10_000, () => socket.destroy(new Error('[phone] the registrar did not answer')));
      socket.on('secureConnect', () =>
        socket.write(`REGISTER sip:${pool.fqdn} SIP/2.0\r\nContent-Length: 0\r\n\r\n`),
      );
      socket.on('data', (chunk: Buffer) => {
        answer += chunk.toString('latin1');
      });
      socket.on('end', () =>
        answer.startsWith('SIP/2.0 200')
          ? resolve()
          : reject(new Error(`[phone] REGISTER answered "${answer.split('\r\n')[0]}"`)),
      );
      socket.on('error', reject);
    });
  }
}

function describe(error: Error, code: string | undefined): string {
  // The registrar sends its leaf alone: OpenSSL says "unable to verify the first certificate" when the
  // leaf's issuer is unknown, "unable to get local issuer certificate" when a CA above it is.
  if (code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || code === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY')
    return `TLS handshake failed: the phone cannot find the issuer of the server certificate, the intermediate certificate is missing (${code})`;
  if (code === 'SELF_SIGNED_CERT_IN_CHAIN')
    return `TLS handshake failed: the server certificate does not chain to a root the phone trusts (${code})`;
  return `sign-in failed: ${error.message}`;
}
