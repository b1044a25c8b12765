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
  /**
   * The Front-End service was not restarted after a new certificate was assigned: the registrar still
   * presents the certificate of the pool's first install, the one it started with.
   */
  registrarNotRestarted: false,
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

/**
 * The pool as this deployment has it: which chain the web service hands out, what the registrar presents.
 * `startedWith` is the pool's first install, whose certificate a registrar that was not restarted keeps.
 */
export function poolAsDeployed(
  pool: PoolInstall,
  facts: Readonly<PoolMechanism>,
  startedWith: PoolInstall = pool,
): PoolInstall {
  const chain = splitPem(pool.chainPem);
  const chainPem = facts.provisioningRootOnly ? `${chain.filter(selfSigned).join('\n')}\n` : pool.chainPem;
  const bound = facts.registrarNotRestarted ? startedWith.registrar : pool.registrar;
  const certPem = facts.registrarSendsChain
    ? [
        bound.certPem.trim(),
        ...splitPem((facts.registrarNotRestarted ? startedWith : pool).chainPem).filter(
          (pem) => !selfSigned(pem),
        ),
      ].join('\n')
    : bound.certPem;
  return { chainPem, registrar: { certPem, keyPem: bound.keyPem } };
}
