import { X509Certificate } from 'node:crypto';
import { MechanismSwitches } from '../admin';
import { type PoolInstall, splitPem } from './fe-state';

/**
 * Ways a Lync Server pool can differ from the notes' (`PUT /__admin/mechanism`, until the next reset),
 * for `lync-harness selftest`: each is a deployment someone could have.
 */
export const POOL_MECHANISM = {
  /** The certificate provisioning service hands out the root alone: the intermediate is not in the pool's store. */
  provisioningRootOnly: false,
  /** The registrar presents its intermediate(s) with its leaf (the pool's certificate bound with its chain). */
  registrarSendsChain: false,
  /** The user is not enabled for Lync: the registrar answers REGISTER with 403. */
  registrarRefusesUser: false,
  /** The User Replicator has stopped: the Address Book Service keeps serving what it had before. */
  addressBookNotReplicated: false,
};

export type PoolMechanism = typeof POOL_MECHANISM;

export function poolMechanism(changed: (now: PoolMechanism) => void) {
  return new MechanismSwitches('lync-fe', POOL_MECHANISM, changed);
}

const selfSigned = (pem: string) => {
  const cert = new X509Certificate(pem);
  return cert.issuer === cert.subject;
};

/** The pool as this deployment has it: which chain the web service hands out, what the registrar presents. */
export function poolAsDeployed(pool: PoolInstall, facts: Readonly<PoolMechanism>): PoolInstall {
  const chain = splitPem(pool.chainPem);
  const chainPem = facts.provisioningRootOnly ? `${chain.filter(selfSigned).join('\n')}\n` : pool.chainPem;
  const certPem = facts.registrarSendsChain
    ? [pool.registrar.certPem.trim(), ...chain.filter((pem) => !selfSigned(pem))].join('\n')
    : pool.registrar.certPem;
  return { chainPem, registrar: { certPem, keyPem: pool.registrar.keyPem } };
}
