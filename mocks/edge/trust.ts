import type { X509Certificate } from 'node:crypto';

export type ChainCheck = { ok: true; root: string } | { ok: false; reason: string };

/**
 * Verifies a client's chain against the whole trusted root store (Schannel verifies against the store,
 * not against the list it sent): each certificate must be issued and signed by the next one (from the
 * chain, the Intermediate CA store or the Root store), valid at `now`, ending at a root of the store.
 */
export function verifyAgainstStore(
  chain: X509Certificate[],
  store: X509Certificate[],
  now: Date,
  intermediates: X509Certificate[] = [],
): ChainCheck {
  if (chain.length === 0) return { ok: false, reason: 'the client sent no certificate' };
  const trusted = fingerprints(store);
  let current = chain[0];
  for (let depth = 0; depth < 8; depth++) {
    const validity = checkValidity(current, now);
    if (validity) return { ok: false, reason: validity };
    if (trusted.has(current.fingerprint256)) return { ok: true, root: current.subject };
    const issuer = [...chain.slice(1), ...intermediates, ...store].find(
      (candidate) => current.checkIssued(candidate) && current.verify(candidate.publicKey),
    );
    if (!issuer)
      return { ok: false, reason: `no trusted root issued "${oneLine(current.issuer)}" (not in the store)` };
    current = issuer;
  }
  return { ok: false, reason: 'the chain is too long' };
}

const fingerprintSets = new WeakMap<X509Certificate[], Set<string>>();

function fingerprints(store: X509Certificate[]): Set<string> {
  let set = fingerprintSets.get(store);
  if (!set) {
    set = new Set(store.map((c) => c.fingerprint256));
    fingerprintSets.set(store, set);
  }
  return set;
}

function checkValidity(cert: X509Certificate, now: Date): string | undefined {
  if (now < new Date(cert.validFrom))
    return `"${oneLine(cert.subject)}" is not valid before ${cert.validFrom}`;
  if (now > new Date(cert.validTo)) return `"${oneLine(cert.subject)}" expired ${cert.validTo}`;
  return undefined;
}

export function oneLine(name: string): string {
  return name.split('\n').join(', ');
}
