import { escapeDnValue } from '../../src/tenant/dn';
import { DirectoryEntry } from '../../src/tenant/entry';

/** What the builders need of a forest. */
export interface Domain {
  domain: string;
  netbios: string;
  baseDn: string;
}

export interface PersonSpec {
  given: string;
  sn: string;
  sam: string;
  /** The CN, when it is not "given sn" (`Berg, Anna`). */
  cn?: string;
  /** The local part of mail, SIP and UPN addresses, when not given.sn in lower case. */
  local?: string;
  /** Overrides for the user object; an empty array removes the attribute. */
  user?: Record<string, string | string[]>;
  /** Overrides for its GALSync contact in the other forest; null removes the attribute. */
  contact?: Record<string, string | null>;
}

const PERSON = ['top', 'person', 'organizationalPerson'];

export function dnIn(domain: Domain, container: string, cn: string): string {
  return `CN=${escapeDnValue(cn)},${container},${domain.baseDn}`;
}

export function domainHead(domain: Domain): DirectoryEntry {
  return new DirectoryEntry(domain.baseDn, {
    objectClass: ['top', 'domain', 'domainDNS'],
    dc: domain.baseDn.split(',')[0].slice(3),
  });
}

export function organizationalUnit(domain: Domain, ou: string): DirectoryEntry {
  return new DirectoryEntry(`OU=${ou},${domain.baseDn}`, { objectClass: ['top', 'organizationalUnit'], ou });
}

/** A mail- and Lync-enabled user, as the sample tenant has them. */
export function userOf(domain: Domain, p: PersonSpec, container = 'OU=Users'): DirectoryEntry {
  const cn = p.cn ?? `${p.given} ${p.sn}`;
  const local = p.local ?? `${p.given}.${p.sn}`.toLowerCase();
  const mail = `${local}@${domain.domain}`;
  const entry = new DirectoryEntry(dnIn(domain, container, cn), {
    objectClass: [...PERSON, 'user'],
    cn,
    givenName: p.given,
    sn: p.sn,
    displayName: `${p.given} ${p.sn}`,
    sAMAccountName: p.sam,
    userPrincipalName: `${p.sam}@${domain.domain}`,
    mail,
    mailNickname: p.sam,
    proxyAddresses: [`SMTP:${mail}`],
    'msRTCSIP-PrimaryUserAddress': `sip:${mail}`,
    userAccountControl: '512',
  });
  for (const [name, value] of Object.entries(p.user ?? {}))
    entry.set(name, Array.isArray(value) ? value : [value]);
  return entry;
}

/** The contact GALSync writes in the other forest for a user, with the person's overrides. */
export function galSyncContactOf(target: Domain, user: DirectoryEntry, p: PersonSpec): DirectoryEntry {
  const mail = user.first('mail')!;
  const cn = user.first('cn')!;
  const entry = new DirectoryEntry(dnIn(target, 'OU=GALSync', cn), {
    objectClass: [...PERSON, 'contact'],
    cn,
    givenName: p.given,
    sn: p.sn,
    displayName: user.first('displayName') || cn,
    mail,
    mailNickname: user.first('sAMAccountName')!,
    targetAddress: `SMTP:${mail}`,
    proxyAddresses: [`SMTP:${mail}`],
    'msRTCSIP-PrimaryUserAddress': user.first('msRTCSIP-PrimaryUserAddress')!,
  });
  for (const [name, value] of Object.entries(p.contact ?? {})) entry.set(name, value === null ? [] : [value]);
  return entry;
}

/** A global security group (groupType -2147483646) in OU=Groups. */
export function groupOf(domain: Domain, cn: string, members: string[]): DirectoryEntry {
  return new DirectoryEntry(dnIn(domain, 'OU=Groups', cn), {
    objectClass: ['top', 'group'],
    cn,
    sAMAccountName: cn.replace(/\s+/g, ''),
    groupType: '-2147483646',
    member: members,
  });
}
