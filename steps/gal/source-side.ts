import { dirSyncExportsContact, sipAddressFormat, targetAddressFormat } from '../../src/model/gal';
import type { Verdict } from '../../src/model/verdict';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { Finding } from '../support/findings';
import type { FindingOutcome } from '../support/tenant-check';
import { contactOf, type FlowPreview, type PreviewedUser } from './flow-preview';

type Judged = { holds: boolean; severity: Finding['severity']; reason: string } | undefined;

/** What each rule says of the contact the run's flow would write (undefined: the rule does not apply). */
const VERDICTS: Record<string, (contact: DirectoryEntry, p: PreviewedUser) => Judged> = {
  'GAL-02': (c) => {
    const sip = sipAddressFormat(c.first('msRTCSIP-PrimaryUserAddress'));
    const holds = sip.value !== 'absent';
    return {
      holds,
      severity: 'warning',
      reason: holds ? 'it carries a SIP address' : 'it gets no SIP address',
    };
  },
  'GAL-03': (c) => format(sipAddressFormat(c.first('msRTCSIP-PrimaryUserAddress'))),
  'GAL-04': (c) => format(targetAddressFormat(c.first('targetAddress'))),
  // DirSync exports the online forest only: contacts written into the on-premises forest never reach Office 365.
  'GAL-05': (c, p) => {
    if (p.target.role !== 'online') return undefined;
    const v = dirSyncExportsContact(c);
    return { holds: v.value, severity: 'warning', reason: v.reason };
  },
};

function format(v: Verdict<string>): Judged {
  if (v.value === 'absent') return undefined;
  return { holds: v.value === 'ok', severity: 'blocking', reason: v.reason };
}

/**
 * The source side of a GAL rule: for every user the run's flow projects, the rule's verdict on the
 * contact GALSync would write, named on the source user (a defect is found before the contact exists).
 * Decided per user as the check reaches it, never held for all.
 */
export function sourceFinding(
  preview: FlowPreview,
  rule: string,
): (p: PreviewedUser) => FindingOutcome | undefined {
  const verdictOf = VERDICTS[rule] as (typeof VERDICTS)[string] | undefined;
  if (!verdictOf) return () => undefined;
  return (p) => {
    const contact = contactOf(p);
    const judged = contact && verdictOf(contact, p);
    if (!judged) return undefined;
    return {
      holds: judged.holds,
      severity: judged.severity,
      message: `the contact flow "${preview.flow.name}" writes in ${p.target.domain}: ${judged.reason}`,
    };
  };
}
