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
