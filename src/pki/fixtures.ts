import { EDGE_FQDN, edgeRootStore, FRONT_END_FQDN, labPki } from './lab';

export type EdgeOsName = 'windows2008r2' | 'windows2012';

/** The body of the Edge mock's PUT /__admin/data: its certificate (with the issuing CA), Root store, OS. */
export async function edgeInstallBody(rootCount: number, os: EdgeOsName = 'windows2008r2') {
  const lab = await labPki();
  const store = await edgeRootStore(rootCount);
  return {
    fqdn: EDGE_FQDN,
    os,
    certPem: lab.edgeInternal.certPem + lab.issuingCa.certPem,
    keyPem: lab.edgeInternal.keyPem,
    roots: store.map((root) => root.certPem),
  };
}

/** The Front End's certificate as the replication client holds it, and the roots it trusts. */
export async function frontEndCredentials() {
  const lab = await labPki();
  return {
    fqdn: FRONT_END_FQDN,
    credentials: [
      {
        label: lab.frontEnd.label,
        chainPem: lab.frontEnd.certPem + lab.issuingCa.certPem,
        keyPem: lab.frontEnd.keyPem,
      },
    ],
    trustedRootsPem: [lab.enterpriseRoot.certPem],
  };
}

/** DER sizes of the subject names of an Edge store of `rootCount` roots, in store order (model input). */
export async function edgeStoreNameSizes(rootCount: number): Promise<number[]> {
  return (await edgeRootStore(rootCount)).map((root) => root.subjectDer.length);
}

export type PoolCertificateKind = 'via intermediate' | 'from a factory root';

/** The certificate the pool is started with (src/harness/environment.ts) before a scenario installs another. */
export const POOL_STARTS_WITH: PoolCertificateKind = 'via intermediate';

/** The lync-fe mock's PUT /__admin/data: the chain served over HTTP and the registrar's leaf alone. */
export async function poolInstallBody(kind: PoolCertificateKind) {
  const lab = await labPki();
  const viaIntermediate = kind === 'via intermediate';
  const leaf = viaIntermediate ? lab.registrarViaIntermediate : lab.registrarFromRoot;
  const chain = viaIntermediate ? [lab.publicIntermediate, lab.factoryRoots[0]] : [lab.factoryRoots[1]];
  return {
    chainPem: chain.map((c) => c.certPem).join(''),
    registrar: { certPem: leaf.certPem, keyPem: leaf.keyPem },
  };
}

/** The model's view of the same pool: the leaf's issuer and the served chain, by subject. */
export async function poolChainNames(kind: PoolCertificateKind) {
  const lab = await labPki();
  const viaIntermediate = kind === 'via intermediate';
  const leaf = viaIntermediate ? lab.registrarViaIntermediate : lab.registrarFromRoot;
  const chain = viaIntermediate ? [lab.publicIntermediate, lab.factoryRoots[0]] : [lab.factoryRoots[1]];
  return {
    leafIssuer: leaf.cert.issuer,
    provisioningChain: chain.map((c) => ({ subject: c.cert.subject, issuer: c.cert.issuer })),
  };
}

/** The roots a Lync Phone Edition ships with: PEM for the simulator, subjects for the model. */
export async function phoneFactoryRoots() {
  const lab = await labPki();
  return {
    pem: lab.factoryRoots.map((r) => r.certPem),
    subjects: lab.factoryRoots.map((r) => r.cert.subject),
  };
}
