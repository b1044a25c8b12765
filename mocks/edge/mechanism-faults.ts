import { MechanismSwitches } from '../admin';

/**
 * Ways an Edge Server can differ from the notes' (`PUT /__admin/mechanism`, until the next reset), for
 * `lync-harness selftest`: each is a deployment someone could have.
 */
export const EDGE_MECHANISM = {
  /** Schannel reads SendTrustedIssuerList as soon as it is written, without a restart. */
  registryReadLive: false,
};

export type EdgeMechanism = typeof EDGE_MECHANISM;

export function edgeMechanism(changed: (now: EdgeMechanism) => void) {
  return new MechanismSwitches('edge', EDGE_MECHANISM, changed);
}
