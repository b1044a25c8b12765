import { CLIENT_AUTH, type Issued, issue, SERVER_AUTH, type Subject } from './issue';
import { publicRoots } from './root-set';

/** The certificates of one run's lab: ABC Corp's enterprise CA and servers, and a public CA for the phone. */
export interface LabPki {
  enterpriseRoot: Issued;
  issuingCa: Issued;
  /** The Front End's default certificate (client and server authentication). */
  frontEnd: Issued;
  /** The Edge's internal interface certificate. */
  edgeInternal: Issued;
  /** Public roots a Lync Phone Edition ships with. */
  factoryRoots: Issued[];
  /** A public intermediate under factoryRoots[0], as CAs usually issue. */
  publicIntermediate: Issued;
  /** The pool's registrar certificate, issued by the public intermediate. */
  registrarViaIntermediate: Issued;
  /** A registrar certificate issued straight from factoryRoots[1] (PHONE-04). */
  registrarFromRoot: Issued;
}

export const ENTERPRISE_ROOT_SUBJECT: Subject = [
  { DC: ['corp'] },
  { DC: ['abc'] },
  { CN: ['ABC Corp Enterprise Root CA'] },
];
export const FRONT_END_FQDN = 'fe01.abc.corp';
export const EDGE_FQDN = 'edge01.abc.corp';
export const POOL_FQDN = 'pool01.abc.corp';

let cached: Promise<LabPki> | undefined;

/** The lab PKI, made once per process. */
export function labPki(): Promise<LabPki> {
  cached ??= makeLab();
  return cached;
}

async function makeLab(): Promise<LabPki> {
  const enterpriseRoot = await issue({
    label: 'ABC Corp Enterprise Root CA',
    subject: ENTERPRISE_ROOT_SUBJECT,
    ca: true,
    serial: 1,
  });
  const issuingCa = await issue({
    label: 'ABC Corp Issuing CA 01',
    subject: [{ DC: ['corp'] }, { DC: ['abc'] }, { CN: ['ABC Corp Issuing CA 01'] }],
    issuer: enterpriseRoot,
    ca: true,
    pathLength: 0,
    serial: 2,
  });
  const server = (label: string, fqdn: string, issuer: Issued, serial: number, usages = [SERVER_AUTH]) =>
    issue({ label, subject: [{ CN: [fqdn] }], issuer, ca: false, dnsNames: [fqdn], usages, serial });
  const frontEnd = await server(`Front End ${FRONT_END_FQDN}`, FRONT_END_FQDN, issuingCa, 3, [
    SERVER_AUTH,
    CLIENT_AUTH,
  ]);
  const edgeInternal = await server(`Edge internal ${EDGE_FQDN}`, EDGE_FQDN, issuingCa, 4);
  const factoryRoots = (await publicRoots()).slice(0, 3);
  const publicIntermediate = await issue({
    label: 'public intermediate CA',
    subject: [{ C: ['US'] }, { O: ['VeriSign, Inc.'] }, { CN: ['VeriSign Class 3 Secure Server CA - G3'] }],
    issuer: factoryRoots[0],
    ca: true,
    pathLength: 0,
    serial: 5,
  });
  return {
    enterpriseRoot,
    issuingCa,
    frontEnd,
    edgeInternal,
    factoryRoots,
    publicIntermediate,
    registrarViaIntermediate: await server(`registrar ${POOL_FQDN}`, POOL_FQDN, publicIntermediate, 6),
    registrarFromRoot: await server(`registrar ${POOL_FQDN} (from root)`, POOL_FQDN, factoryRoots[1], 7),
  };
}

/** The Edge's trusted root store of `count` certificates: public roots first, ABC Corp's root last. */
export async function edgeRootStore(count: number): Promise<Issued[]> {
  const lab = await labPki();
  const roots = await publicRoots();
  if (count < 1 || count > roots.length + 1)
    throw new Error(`[pki] a root store holds 1..${roots.length + 1} certificates, not ${count}`);
  return [...roots.slice(0, count - 1), lab.enterpriseRoot];
}
