import { createHash } from 'node:crypto';
import { namingContextOf, rdnOf } from '../../src/tenant/dn';
import { DirectoryEntry } from '../../src/tenant/entry';

/** The attributes AD keeps itself and ldifde / ldapsearch export with every object. */
export const OPERATIONAL = [
  'objectGUID',
  'objectSid',
  'whenCreated',
  'whenChanged',
  'uSNCreated',
  'uSNChanged',
  'distinguishedName',
  'name',
  'instanceType',
  'objectCategory',
] as const;

const OPERATIONAL_KEYS = new Set(OPERATIONAL.map((a) => a.toLowerCase()));

export function isOperational(attribute: string): boolean {
  return OPERATIONAL_KEYS.has(attribute.toLowerCase());
}

/** Roughly the order a domain controller returns attributes in (the rest follow in their own order). */
const AD_ORDER = [
  'objectClass',
  'cn',
  'ou',
  'dc',
  'sn',
  'givenName',
  'distinguishedName',
  'instanceType',
  'whenCreated',
  'whenChanged',
  'displayName',
  'uSNCreated',
  'member',
  'uSNChanged',
  'proxyAddresses',
  'targetAddress',
  'name',
  'objectGUID',
  'userAccountControl',
  'objectSid',
  'sAMAccountName',
  'groupType',
  'legacyExchangeDN',
  'userPrincipalName',
  'objectCategory',
  'mail',
  'mailNickname',
].map((a) => a.toLowerCase());

const rank = (name: string) => {
  const base = name.split(';')[0].toLowerCase();
  const at = AD_ORDER.indexOf(base);
  return at < 0 ? AD_ORDER.length : at;
};

/** The entry with its attributes in a domain controller's order. */
export function inAdOrder(entry: DirectoryEntry): DirectoryEntry {
  const names = entry.names();
  const ordered = names.map((name, i) => ({ name, i, r: rank(name) })).sort((a, b) => a.r - b.r || a.i - b.i);
  const copy = new DirectoryEntry(entry.dn);
  for (const { name } of ordered) copy.set(name, entry.get(name));
  return copy;
}

/**
 * The entry as a domain controller exports it: the operational attributes it lacks invented from its DN
 * (the same DN always gets the same GUID, SID and times), the ones it has kept.
 */
export function withOperational(entry: DirectoryEntry, index: number): DirectoryEntry {
  const copy = entry.clone();
  const nc = namingContextOf(entry.dn);
  const head = nc.toLowerCase() === entry.dn.toLowerCase();
  const digest = createHash('sha256').update(entry.dn.toLowerCase()).digest();
  const created = new Date(Date.UTC(2012, 2, 9, 8, 0, 0) + index * 61_000);
  const usn = 12_000 + index * 7;
  const invented: Record<string, string | Uint8Array> = {
    objectGUID: new Uint8Array(digest.subarray(0, 16)),
    whenCreated: generalizedTime(created),
    whenChanged: generalizedTime(new Date(created.getTime() + 86_400_000)),
    uSNCreated: String(usn),
    uSNChanged: String(usn + 3),
    distinguishedName: entry.dn,
    name: rdnOf(entry.dn).value,
    instanceType: head ? '5' : '4',
    objectCategory: `CN=${categoryOf(entry)},CN=Schema,CN=Configuration,${nc}`,
  };
  if (entry.isA('user') || entry.isA('group')) invented.objectSid = sid(nc, 1100 + index);
  for (const [name, value] of Object.entries(invented)) if (!copy.has(name)) copy.set(name, [value]);
  return copy;
}

/** The entry without any operational attribute (an export that asked for the user attributes only). */
export function withoutOperational(entry: DirectoryEntry): DirectoryEntry {
  const copy = new DirectoryEntry(entry.dn);
  for (const name of entry.names()) if (!isOperational(name)) copy.set(name, entry.get(name));
  return copy;
}

function categoryOf(entry: DirectoryEntry): string {
  if (entry.isA('domainDNS')) return 'Domain-DNS';
  if (entry.isA('organizationalUnit')) return 'Organizational-Unit';
  if (entry.isA('computer')) return 'Computer';
  if (entry.isA('group')) return 'Group';
  if (entry.isA('person')) return 'Person';
  return 'Container';
}

function generalizedTime(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}.0Z`;
}

/** A binary SID S-1-5-21-a-b-c-rid, the domain part derived from the naming context. */
function sid(namingContext: string, rid: number): Uint8Array {
  const domain = createHash('sha256').update(namingContext.toLowerCase()).digest();
  const bytes = Buffer.alloc(28);
  bytes[0] = 1;
  bytes[1] = 5;
  bytes[7] = 5;
  bytes.writeUInt32LE(21, 8);
  for (let i = 0; i < 3; i++) bytes.writeUInt32LE(domain.readUInt32LE(i * 4), 12 + i * 4);
  bytes.writeUInt32LE(rid, 24);
  return new Uint8Array(bytes);
}
