import { createHash, X509Certificate } from 'node:crypto';
import { AdminInputError } from '../admin';

/**
 * Parsing a certificate is the Edge's dearest operation (a store holds 100 to 300 roots and is installed
 * again on every reset), so each distinct PEM is parsed once and each distinct store is one array: the
 * issuer list and the fingerprint set cached per store array then stay valid across installs.
 * Both caches are bounded; the least recently used entry goes first.
 */
const CERTIFICATES = 4096;
const STORES = 32;
const certificates = new Map<string, X509Certificate>();
const stores = new Map<string, X509Certificate[]>();

/** The Root store from PEM strings, in store order; names the first bad entry. */
export function parseRoots(roots: unknown): X509Certificate[] {
  if (!Array.isArray(roots))
    throw new AdminInputError('"roots" must be an array of PEM certificates', 'bad-roots', 'roots');
  const key = storeKey(roots);
  const known = recall(stores, key);
  if (known) return known;
  const store = roots.map((pem, i) => {
    try {
      return certificate(String(pem));
    } catch (error) {
      throw new AdminInputError(
        `roots[${i}] is not a PEM certificate: ${(error as Error).message}`,
        'bad-roots',
        `roots[${i}]`,
      );
    }
  });
  keep(stores, key, store, STORES);
  return store;
}

/** One parsed certificate per distinct PEM text (X509Certificate is immutable, so sharing is safe). */
export function certificate(pem: string): X509Certificate {
  const known = recall(certificates, pem);
  if (known) return known;
  const parsed = new X509Certificate(pem);
  keep(certificates, pem, parsed, CERTIFICATES);
  return parsed;
}

function storeKey(roots: unknown[]): string {
  const hash = createHash('sha256');
  for (const pem of roots) hash.update(String(pem)).update('\0');
  return hash.digest('hex');
}

function recall<T>(cache: Map<string, T>, key: string): T | undefined {
  const value = cache.get(key);
  if (value !== undefined) {
    cache.delete(key);
    cache.set(key, value);
  }
  return value;
}

function keep<T>(cache: Map<string, T>, key: string, value: T, limit: number): void {
  cache.set(key, value);
  if (cache.size > limit) cache.delete(cache.keys().next().value as string);
}
