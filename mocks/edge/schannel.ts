import type { X509Certificate } from 'node:crypto';
import { certificateNames } from './der';

export type EdgeOs = 'windows2008r2' | 'windows2012';
export const EDGE_OS: EdgeOs[] = ['windows2008r2', 'windows2012'];

/** Schannel caps the trusted issuer list at 16 KB of encoded names (KB2801679; event 36885). */
export const ISSUER_LIST_LIMIT = 16384;

/** SendTrustedIssuerList as Schannel reads it at start: the registry value, else the OS default. */
export function sendsIssuerList(os: EdgeOs, registryValue: number | undefined): boolean {
  if (registryValue !== undefined) return registryValue !== 0;
  return os === 'windows2008r2';
}

export interface IssuerList {
  /** The roots whose names are sent, in store order. */
  sent: X509Certificate[];
  /** Bytes of the list as it goes on the wire: each name with its 2-byte length. */
  bytes: number;
  /** Bytes the whole store's names would take. */
  storeBytes: number;
  truncated: boolean;
  dropped: number;
}

/**
 * The list a CertificateRequest carries: the store's names in store order, each taking its DER size
 * plus a 2-byte length, cut where the next name would pass the limit.
 */
export function buildIssuerList(
  store: X509Certificate[],
  send: boolean,
  limit = ISSUER_LIST_LIMIT,
): IssuerList {
  const sizes = store.map((cert) => certificateNames(cert.raw).subject.length + 2);
  const storeBytes = sizes.reduce((sum, size) => sum + size, 0);
  if (!send) return { sent: [], bytes: 0, storeBytes, truncated: false, dropped: 0 };
  let bytes = 0;
  let count = 0;
  while (count < store.length && bytes + sizes[count] <= limit) bytes += sizes[count++];
  return {
    sent: store.slice(0, count),
    bytes,
    storeBytes,
    truncated: count < store.length,
    dropped: store.length - count,
  };
}
