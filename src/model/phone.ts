import { mechanism } from './mechanism';
import { type Verdict, verdict } from './verdict';

/**
 * Lync Phone Edition sign-in and the intermediate certificate (PHONE-01..04). Certificates are named by
 * subject; the registrar presents only its leaf, so the phone must already know every CA between the
 * leaf and one of its factory roots.
 */
export type SignInPath = 'pin' | 'usb';

export interface CaCertificate {
  subject: string;
  issuer: string;
}

export interface PhoneSignIn {
  path: SignInPath;
  factoryRoots: string[];
  /** CA certificates the phone downloaded on an earlier PIN sign-in. */
  remembered: CaCertificate[];
  /** Issuer of the pool's certificate. */
  leafIssuer: string;
  /** Issuer of the certificate the registrar started with, when another was assigned since. */
  startedWithLeafIssuer?: string;
  /** What the provisioning service serves over HTTP (intermediates and root). */
  provisioningChain: CaCertificate[];
}

export interface PhoneOutcome {
  steps: string[];
  registered: boolean;
  /** What the phone holds afterwards. */
  remembered: CaCertificate[];
}

/** PHONE-01/02: PIN downloads the chain over HTTP first; USB tethering goes straight to TLS. */
export function signInSteps(path: SignInPath): Verdict<string[]> {
  return path === 'pin'
    ? verdict(
        signInSteps,
        ['http chain download', 'tls handshake'],
        ['PHONE-01'],
        'PIN sign-in downloads the chain over HTTP (port 80) before TLS',
      )
    : verdict(
        signInSteps,
        ['tls handshake'],
        ['PHONE-02'],
        'USB tethering skips the download and goes straight to TLS',
      );
}

/** One network step of a sign-in: what it is for, how it travels, and its port in a real deployment. */
export interface SignInEndpoint {
  step: string;
  role: 'certificate provisioning web service' | 'registrar';
  transport: 'plain HTTP' | 'TLS';
  productionPort: 80 | 443;
}

/**
 * PHONE-01: the chain download and the sign-in are two endpoints of the pool: its web service over
 * plain HTTP (port 80: the phone cannot check a TLS certificate yet), then its registrar over TLS (443).
 */
export function signInEndpoints(path: SignInPath): Verdict<SignInEndpoint[]> {
  const download: SignInEndpoint = {
    step: 'http chain download',
    role: 'certificate provisioning web service',
    transport: 'plain HTTP',
    productionPort: 80,
  };
  const tls: SignInEndpoint = {
    step: 'tls handshake',
    role: 'registrar',
    transport: 'TLS',
    productionPort: 443,
  };
  return path === 'pin'
    ? verdict(signInEndpoints, [download, tls], ['PHONE-01'], 'chain over HTTP on port 80, then TLS on 443')
    : verdict(signInEndpoints, [tls], ['PHONE-02'], 'TLS on 443 only');
}

/** PHONE-01..04: whether the handshake succeeds, from what the phone knows at that moment. */
export function phoneSignIn(input: PhoneSignIn): Verdict<PhoneOutcome> {
  const pool = mechanism().phone;
  const steps = signInSteps(input.path).value;
  const isRoot = (c: CaCertificate) => c.issuer === c.subject;
  const served = pool.provisioningServesIntermediates
    ? input.provisioningChain
    : input.provisioningChain.filter(isRoot);
  const remembered = input.path === 'pin' ? merge(input.remembered, served) : input.remembered;
  // What the handshake brings: the phone's CAs, and the intermediates a registrar sends with its leaf.
  const presented = pool.registrarSendsIntermediates ? input.provisioningChain.filter((c) => !isRoot(c)) : [];
  // A registrar that was not restarted still presents the certificate it started with.
  const leafIssuer =
    !pool.registrarPresentsAssignedCertificate && input.startedWithLeafIssuer
      ? input.startedWithLeafIssuer
      : input.leafIssuer;
  const missing = missingIssuer(leafIssuer, input.factoryRoots, merge(remembered, presented));
  const outcome = { steps, registered: missing === undefined && pool.registrarAcceptsUser, remembered };
  if (missing === undefined && !pool.registrarAcceptsUser)
    return verdict(
      phoneSignIn,
      outcome,
      ['PHONE-01'],
      'the handshake succeeds, but the registrar refuses the user (403)',
    );
  if (missing === undefined) {
    const direct = input.factoryRoots.includes(leafIssuer);
    return verdict(
      phoneSignIn,
      outcome,
      direct ? ['PHONE-04'] : input.path === 'pin' ? ['PHONE-01'] : ['PHONE-03'],
      direct
        ? 'the certificate is issued straight from a factory root'
        : 'the phone holds every intermediate up to a factory root',
    );
  }
  return verdict(phoneSignIn, outcome, ['PHONE-02'], `the phone lacks the intermediate "${missing}"`);
}

/** Walks from the leaf's issuer to a factory root through known CAs; the first unknown name, if any. */
function missingIssuer(
  leafIssuer: string,
  factoryRoots: string[],
  known: CaCertificate[],
): string | undefined {
  let name = leafIssuer;
  for (let depth = 0; depth < 8; depth++) {
    if (factoryRoots.includes(name)) return undefined;
    const ca = known.find((c) => c.subject === name);
    if (!ca) return name;
    if (ca.issuer === ca.subject) return undefined; // a downloaded root the phone now trusts
    name = ca.issuer;
  }
  return name;
}

function merge(a: CaCertificate[], b: CaCertificate[]): CaCertificate[] {
  return [...a, ...b.filter((x) => !a.some((y) => y.subject === x.subject))];
}
