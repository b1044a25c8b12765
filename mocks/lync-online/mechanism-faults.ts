import { MechanismSwitches } from '../admin';

/**
 * Ways a Lync Online tenant can differ from the notes' (`PUT /__admin/mechanism`, until the next reset),
 * for `lync-harness selftest`: each is a deployment someone could have.
 */
export const LYNC_ONLINE_MECHANISM = {
  /** OWA's Lync integration resolves every mail recipient, external contacts included, not only tenant users. */
  owaResolvesContacts: false,
  /** Federation (external access) is off: nobody signed in at a partner's address is reached. */
  federationOff: false,
};

export type LyncOnlineMechanism = typeof LYNC_ONLINE_MECHANISM;

export function lyncOnlineMechanism() {
  return new MechanismSwitches('lync-online', LYNC_ONLINE_MECHANISM);
}
