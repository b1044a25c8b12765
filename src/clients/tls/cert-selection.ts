import 'reflect-metadata';
import { X509Certificate } from '@peculiar/x509';

/** A certificate the Front End holds in its Personal store, with the chain it sends. */
export interface ClientCredential {
  label: string;
  /** Leaf first, then intermediates (PEM). */
  chainPem: string;
  keyPem: string;
}

export interface Selection {
  credential?: ClientCredential;
  reason: string;
}

/**
 * How a Schannel client picks its certificate for a CertificateRequest: with an empty list it offers
 * its certificate (the server will check it); with a list it offers only a certificate one of whose
 * issuers (up its chain) is named in the list, and none when no issuer is listed.
 */
export function selectClientCertificate(candidates: ClientCredential[], acceptable: string[]): Selection {
  if (candidates.length === 0) return { reason: 'the Front End holds no certificate' };
  if (acceptable.length === 0)
    return {
      credential: candidates[0],
      reason: 'the Edge sent no issuer list, so the Front End offers its certificate',
    };
  const listed = new Set(acceptable);
  for (const credential of candidates) {
    const issuers = chainIssuers(credential.chainPem);
    const match = issuers.find((issuer) => listed.has(issuer));
    if (match)
      return { credential, reason: `"${match}" is in the Edge's list of ${acceptable.length} issuers` };
  }
  const wanted = chainIssuers(candidates[0].chainPem);
  return {
    reason: `none of the Front End's issuers (${wanted.join('; ')}) is in the Edge's list of ${acceptable.length} issuers, so it sends no certificate`,
  };
}

/** Every issuer name up the chain: the leaf's issuer, then each intermediate's issuer. */
export function chainIssuers(chainPem: string): string[] {
  const blocks = chainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((pem) => new X509Certificate(pem).issuer);
}
