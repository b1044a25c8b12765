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
    const issuer = issuerOf(current, chain.slice(1), intermediates, store);
    if (!issuer)
      return { ok: false, reason: `no trusted root issued "${oneLine(current.issuer)}" (not in the store)` };
    current = issuer;
  }
  return { ok: false, reason: 'the chain is too long' };
}

/**
 * The first certificate of the chain, the Intermediate CA store or the Root store (in that order) that
 * issued and signed `cert`. Those whose subject reads as the issuer's name are tried first, the Root
 * store's through an index (a store of 300 roots is otherwise 300 checks per handshake); the full
 * scan runs only when none of them is the issuer (names that are equal only once canonicalized).
 */
function issuerOf(
  cert: X509Certificate,
  sent: X509Certificate[],
  intermediates: X509Certificate[],
  store: X509Certificate[],
): X509Certificate | undefined {
  const issued = (candidate: X509Certificate) =>
    cert.checkIssued(candidate) && cert.verify(candidate.publicKey);
  const named = (candidate: X509Certificate) => candidate.subject === cert.issuer;
  return (
    sent.find((c) => named(c) && issued(c)) ??
    intermediates.find((c) => named(c) && issued(c)) ??
    bySubject(store).get(cert.issuer)?.find(issued) ??
    [...sent, ...intermediates, ...store].find(issued)
  );
}

const subjectIndexes = new WeakMap<X509Certificate[], Map<string, X509Certificate[]>>();

function bySubject(store: X509Certificate[]): Map<string, X509Certificate[]> {
  let index = subjectIndexes.get(store);
  if (!index) {
    index = new Map();
    for (const cert of store) {
      const same = index.get(cert.subject);
      if (same) same.push(cert);
      else index.set(cert.subject, [cert]);
    }
    subjectIndexes.set(store, index);
  }
  return index;
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
