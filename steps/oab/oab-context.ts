import type { OabCheck } from '../../src/clients/exchange/outlook';
import { ExchangeAdmin } from '../../src/harness/service-admin';
import type { OabProfile } from '../../src/model/mechanism';
import { oabProfile, searchableAt } from '../../src/model/oab';
import type { OabOnDisk, OabUpdate } from '../../src/model/oab-update';
import type { Verdict } from '../../src/model/verdict';
import { DirectoryEntry } from '../../src/tenant/entry';
import { clientContext } from '../exchange/client-context';
import type { HarnessWorld } from '../support/world';

/** The OAB timeline of one scenario: the schedule profile, the change, and when each witness saw it. */
export class OabContext {
  profile: OabProfile = oabProfile('exchange2010');
  changedAt?: number;
  changedName?: string;
  lastDownload?: number;
  /** When the watched change first appeared in Outlook's local OAB (observed after each download). */
  firstSeenLocally?: number;
  /** OAB-07: Outlook's last check that fetched files, and whether the OAB on disk is still the one Exchange patches. */
  lastUpdate?: number;
  onDisk: OabOnDisk = 'intact';
  /** The OAB on disk just before the last check (the base a patch applies to) and what that check fetched. */
  previousOab?: string;
  lastCheck?: OabCheck;
  lastPrediction?: Verdict<OabUpdate>;
}

export const oabContext = (w: HarnessWorld) => w.area('oab', () => new OabContext());

/** Sets the schedule on the mock (admin API) and in the model. */
export async function useProfile(w: HarnessWorld, name: string): Promise<OabContext> {
  const o = oabContext(w);
  o.profile = oabProfile(name);
  await new ExchangeAdmin(clientContext(w).ctx.exchange.admin).setOabSchedule(name);
  return o;
}

/** A new external contact at fabrikam.example, as DirSync would export it (mailNickname, targetAddress, SIP). */
export function newExternalContact(name: string): DirectoryEntry {
  const [given, sn] = name.split(' ');
  const local = name.toLowerCase().replace(/\s+/g, '.');
  return new DirectoryEntry(`CN=${name},OU=External Contacts,DC=xyz,DC=corp`, {
    objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
    cn: name,
    givenName: given,
    sn: sn ?? '',
    displayName: name,
    mail: `${local}@fabrikam.example`,
    mailNickname: local,
    targetAddress: `SMTP:${local}@fabrikam.example`,
    proxyAddresses: [`SMTP:${local}@fabrikam.example`],
    'msRTCSIP-PrimaryUserAddress': `sip:${local}@fabrikam.example`,
  });
}

export const WEEK_TIME = '((?:week \\d+ )?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \\d{2}:\\d{2})';

/** The model's timeline for the scenario's change, given Outlook's last download before it. */
export function predicted(w: HarnessWorld) {
  const o = oabContext(w);
  if (o.changedAt === undefined || o.lastDownload === undefined)
    throw new Error('[steps:oab] no change or no first download yet');
  return searchableAt(o.profile, o.changedAt, o.lastDownload);
}
