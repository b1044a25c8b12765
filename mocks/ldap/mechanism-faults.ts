import { MechanismSwitches } from '../admin';
import { CODE, insufficientRights, LdapError } from './ad-errors';
import type { Change } from './change';
import type { StoredEntry } from './dit';
import { MAX_VALUE_RANGE } from './dit';

/**
 * Ways a domain controller can differ from the AD the notes assume (`PUT /__admin/mechanism`, until the
 * next reset), for `lync-harness selftest`: each is a deployment someone could have.
 */
export const LDAP_MECHANISM = {
  /** The LDAP policy's MaxValRange (ntdsutil can raise it): values of one attribute per read. */
  maxValRange: MAX_VALUE_RANGE,
  /** The forest's schema has no Lync extension: msRTCSIP-* attributes are unknown to it. */
  withoutLyncSchema: false,
  /** Lync's domain preparation never ran: RTCUniversalServerAdmins has no write access to users' msRTCSIP-* attributes. */
  lyncAdminsWithoutUserRights: false,
};

export type LdapMechanism = typeof LDAP_MECHANISM;

export function ldapMechanism(changed: (now: LdapMechanism) => void) {
  return new MechanismSwitches('ldap', LDAP_MECHANISM, changed);
}

const isLync = (c: Change) => c.name.toLowerCase().startsWith('msrtcsip-');

/** Refuses a write this directory's mechanism does not allow, as AD answers it. */
export function checkWriteByMechanism(
  facts: Readonly<LdapMechanism>,
  principal: { kind: string; dn?: string },
  target: StoredEntry | undefined,
  changes: Change[],
): void {
  const lync = changes.find(isLync);
  if (!lync) return;
  if (facts.withoutLyncSchema)
    throw new LdapError(
      CODE.undefinedAttributeType,
      `00000057: LdapErr: DSID-0C090D8A, comment: Error in attribute conversion operation, data 0, v2580 (${lync.name})`,
    );
  if (
    facts.lyncAdminsWithoutUserRights &&
    principal.kind === 'account' &&
    (!target || target.entry.isA('user'))
  )
    throw insufficientRights(
      `${principal.dn} may not write Lync attributes (no ACE for RTCUniversalServerAdmins)`,
    );
}
