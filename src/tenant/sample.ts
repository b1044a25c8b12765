import { mulberry32 } from '../util/seeded-random';
import { DirectoryEntry } from './entry';
import { ownText } from './own-text';
import type { Forest, ForestRole, Tenant } from './tenant';

/**
 * The bundled sample tenant: ABC Corp (Lync Server on-premises, forest `abc.corp`) and XYZ Corp
 * (Lync Online through DirSync, forest `xyz.corp`), as exported after GALSync has run once.
 * The named people come from the field notes or play a part in a rule; a few carry the realistic
 * defects a first run should report. Everything is deterministic for a given size.
 */
export interface SampleOptions {
  /** Extra generated objects (users, their GALSync contacts, groups), spread over both forests. */
  extraObjects?: number;
}

interface Person {
  given: string;
  sn: string;
  sam: string;
  /** Overrides for the user object (e.g. a blank displayName, a SIP address that differs from mail). */
  user?: Record<string, string | string[]>;
  /** Overrides for the GALSync contact projected into the other forest; null removes an attribute. */
  contact?: Record<string, string | null>;
}

export const ABC = { domain: 'abc.corp', netbios: 'ABC', baseDn: 'DC=abc,DC=corp' } as const;
export const XYZ = { domain: 'xyz.corp', netbios: 'XYZ', baseDn: 'DC=xyz,DC=corp' } as const;

/** ABC users; their contacts in XYZ carry the GALSync defects the rules describe. */
const ABC_PEOPLE: Person[] = [
  { given: 'Anna', sn: 'Berg', sam: 'aberg' },
  {
    given: 'Carl',
    sn: 'Ortiz',
    sam: 'cortiz',
    contact: { 'msRTCSIP-PrimaryUserAddress': 'carl.ortiz@abc.corp' },
  },
  { given: 'Erik', sn: 'Moss', sam: 'emoss', contact: { 'msRTCSIP-PrimaryUserAddress': null } },
  { given: 'Fiona', sn: 'Grant', sam: 'fgrant', contact: { mailNickname: null } },
  { given: 'Gus', sn: 'Hale', sam: 'ghale', contact: { targetAddress: 'gus.hale@abc.corp' } },
  { given: 'Dana', sn: 'Lee', sam: 'dlee', user: { displayName: '' } },
  { given: 'Ivan', sn: 'Novak', sam: 'inovak' },
  { given: 'Mia', sn: 'Stone', sam: 'mstone' },
];

/** XYZ users: licensed Lync Online users. Sam Wu's SIP address differs from his mail (SRCH-06). */
const XYZ_PEOPLE: Person[] = [
  { given: 'Pat', sn: 'Kim', sam: 'pkim' },
  { given: 'Lee', sn: 'Chan', sam: 'lchan' },
  {
    given: 'Sam',
    sn: 'Wu',
    sam: 'swu',
    user: { 'msRTCSIP-PrimaryUserAddress': 'sip:sam.wu@xyz.onmicrosoft.com' },
  },
  { given: 'Ola', sn: 'Berg', sam: 'oberg' },
];

const GIVEN = [
  'Ada',
  'Ben',
  'Cleo',
  'Dev',
  'Eva',
  'Finn',
  'Gia',
  'Hugo',
  'Iris',
  'Jon',
  'Kai',
  'Lena',
  'Max',
];
const SURNAMES = [
  'Ahn',
  'Brook',
  'Costa',
  'Dahl',
  'Ek',
  'Fox',
  'Gray',
  'Holm',
  'Ito',
  'Jung',
  'Kerr',
  'Lund',
];

export function buildSampleTenant(options: SampleOptions = {}): Tenant {
  const abc = emptyForest(ABC, 'onpremises');
  const xyz = emptyForest(XYZ, 'online');
  const random = mulberry32(20150309);
  for (const person of ABC_PEOPLE) addPersonPair(abc, xyz, person, random);
  for (const person of XYZ_PEOPLE) addPersonPair(xyz, abc, person, random);
  addJedHill(xyz, random);
  addPolicyObjects(abc, random);
  addColleagues(xyz, abc, random);
  addGenerated(abc, xyz, options.extraObjects ?? 0, random);
  return { forests: [abc, xyz] };
}

function emptyForest(id: { domain: string; netbios: string; baseDn: string }, role: ForestRole): Forest {
  const entries = [
    new DirectoryEntry(id.baseDn, {
      objectClass: ['top', 'domain', 'domainDNS'],
      dc: id.netbios.toLowerCase(),
    }),
    ...['Users', 'Groups', 'GALSync', 'External Contacts', 'Service Accounts'].map(
      (ou) => new DirectoryEntry(`OU=${ou},${id.baseDn}`, { objectClass: ['top', 'organizationalUnit'], ou }),
    ),
  ];
  return { ...id, role, entries, source: 'sample', addedByHarness: [], notes: [] };
}

function category(forest: Forest, name: 'Person' | 'Group'): string {
  return `CN=${name},CN=Schema,CN=Configuration,${forest.baseDn}`;
}

function userEntry(forest: Forest, p: Person, random: () => number): DirectoryEntry {
  const local = `${p.given}.${p.sn}`.toLowerCase();
  const mail = `${local}@${forest.domain}`;
  const display = `${p.given} ${p.sn}`;
  const entry = new DirectoryEntry(ownText(`CN=${display},OU=Users,${forest.baseDn}`), {
    objectClass: ['top', 'person', 'organizationalPerson', 'user'],
    objectCategory: category(forest, 'Person'),
    cn: display,
    givenName: p.given,
    sn: p.sn,
    displayName: display,
    sAMAccountName: p.sam,
    userPrincipalName: `${p.sam}@${forest.domain}`,
    mail,
    mailNickname: p.sam,
    proxyAddresses: [`SMTP:${mail}`, `smtp:${p.sam}@${forest.netbios.toLowerCase()}.mail.onmicrosoft.com`],
    'msRTCSIP-PrimaryUserAddress': `sip:${mail}`,
    legacyExchangeDN: `/o=${forest.netbios}/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${p.sam}`,
    userAccountControl: '512',
    objectGUID: guid(random),
  });
  for (const [name, value] of Object.entries(p.user ?? {}))
    entry.set(name, Array.isArray(value) ? value : [value]);
  return entry;
}

/** The contact GALSync writes for a user of the other forest, with the documented flow changes applied. */
function contactEntry(target: Forest, user: DirectoryEntry, p: Person, random: () => number): DirectoryEntry {
  const display = `${p.given} ${p.sn}`;
  const mail = user.first('mail')!;
  const entry = new DirectoryEntry(ownText(`CN=${display},OU=GALSync,${target.baseDn}`), {
    objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
    objectCategory: category(target, 'Person'),
    cn: display,
    givenName: p.given,
    sn: p.sn,
    displayName: user.first('displayName') || display,
    mail,
    mailNickname: user.first('sAMAccountName')!,
    targetAddress: `SMTP:${mail}`,
    proxyAddresses: [`SMTP:${mail}`],
    'msRTCSIP-PrimaryUserAddress': user.first('msRTCSIP-PrimaryUserAddress')!,
    objectGUID: guid(random),
  });
  for (const [name, value] of Object.entries(p.contact ?? {})) entry.set(name, value === null ? [] : [value]);
  return entry;
}

function addPersonPair(home: Forest, other: Forest, p: Person, random: () => number): DirectoryEntry {
  const user = userEntry(home, p, random);
  // Packed as they are made (DirectoryEntry.pack), each with a DN of its own (a joined string is a view
  // that grows a flat copy once read): a million objects never all open at once.
  home.entries.push(user.pack());
  // GALSync rejects a source user with a blank sAMAccountName, displayName or cn (GAL-07).
  const blank = ['sAMAccountName', 'displayName', 'cn'].some((a) => (user.first(a) ?? '').trim() === '');
  if (!blank) other.entries.push(contactEntry(other, user, p, random).pack());
  return user;
}

/** The notes' own example: a contact made by hand in XYZ's on-premises AD, with a fake SIP address. */
function addJedHill(xyz: Forest, random: () => number): void {
  xyz.entries.push(
    new DirectoryEntry(`CN=Jed Hill,OU=External Contacts,${xyz.baseDn}`, {
      objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
      objectCategory: category(xyz, 'Person'),
      cn: 'Jed Hill',
      givenName: 'Jed',
      sn: 'Hill',
      displayName: 'Jed Hill',
      mail: 'jed.hill@fabrikam.example',
      mailNickname: 'jed.hill',
      targetAddress: 'SMTP:jed.hill@fabrikam.example',
      proxyAddresses: ['SMTP:jed.hill@fabrikam.example'],
      'msRTCSIP-PrimaryUserAddress': 'sip:jed.hill@fabrikam.example',
      objectGUID: guid(random),
    }),
  );
}

/** CSLyncRecordingUsers (with a nested group), RTCUniversalServerAdmins and the task's service account. */
function addPolicyObjects(abc: Forest, random: () => number): void {
  const dn = (name: string) => `CN=${name},OU=Users,${abc.baseDn}`;
  const service = userEntry(abc, { given: 'Lync', sn: 'Policy Task', sam: 'svc-lyncpolicy' }, random);
  const serviceDn = `CN=svc-lyncpolicy,OU=Service Accounts,${abc.baseDn}`;
  const mail = `svc-lyncpolicy@${abc.domain}`;
  abc.entries.push(
    service
      .clone(serviceDn)
      .set('cn', ['svc-lyncpolicy'])
      .set('displayName', ['Lync policy task'])
      .set('mail', [mail])
      .set('proxyAddresses', [`SMTP:${mail}`])
      .set('msRTCSIP-PrimaryUserAddress', [`sip:${mail}`]),
  );
  abc.entries.push(
    groupEntry(abc, 'Recording Team Leads', 'recteamleads', -2147483646, [dn('Mia Stone')], random),
    groupEntry(
      abc,
      'CSLyncRecordingUsers',
      'CSLyncRecordingUsers',
      -2147483646,
      [dn('Anna Berg'), dn('Ivan Novak'), `CN=Recording Team Leads,OU=Groups,${abc.baseDn}`],
      random,
    ),
    groupEntry(abc, 'RTCUniversalServerAdmins', 'RTCUniversalServerAdmins', -2147483640, [serviceDn], random),
  );
}

function groupEntry(
  forest: Forest,
  cn: string,
  sam: string,
  groupType: number,
  members: string[],
  random: () => number,
) {
  return new DirectoryEntry(ownText(`CN=${cn},OU=Groups,${forest.baseDn}`), {
    objectClass: ['top', 'group'],
    objectCategory: category(forest, 'Group'),
    cn,
    sAMAccountName: sam,
    groupType: String(groupType),
    member: members,
    objectGUID: guid(random),
  });
}

/** How many colleagues Pat Kim has at XYZ: the contact-list and presence limits (PRES-02, -03) pin up to 251. */
export const XYZ_COLLEAGUES = 300;

/** XYZ's colleagues `Colleague 001` to `Colleague 300`, licensed Lync Online users like Pat Kim. */
function addColleagues(xyz: Forest, abc: Forest, random: () => number): void {
  for (let i = 1; i <= XYZ_COLLEAGUES; i++) {
    const n = String(i).padStart(3, '0');
    addPersonPair(xyz, abc, { given: 'Colleague', sn: n, sam: `colleague${n}` }, random);
  }
}

/** Generated users (each with its GALSync contact in the other forest) and groups, with a few defects. */
function addGenerated(abc: Forest, xyz: Forest, count: number, random: () => number): void {
  const recent: DirectoryEntry[][] = [[], []];
  for (let made = 0, i = 0; made < count; i++) {
    const side = i % 2;
    const [home, other] = side === 0 ? [abc, xyz] : [xyz, abc];
    if (i % 60 === 59) {
      const members = recent[side].splice(0).map((u) => u.dn);
      home.entries.push(groupEntry(home, `Team ${i}`, `team${i}`, -2147483646, members, random).pack());
      made += 1;
      continue;
    }
    const person = generatedPerson(i, random);
    const user = addPersonPair(home, other, person, random);
    recent[side].push(user);
    made += 2;
  }
}

function generatedPerson(i: number, random: () => number): Person {
  const given = GIVEN[i % GIVEN.length];
  const sn = `${SURNAMES[Math.floor(i / GIVEN.length) % SURNAMES.length]}${i}`;
  const roll = random();
  const person: Person = { given, sn, sam: `${given[0]}${sn}`.toLowerCase() };
  if (roll < 0.03) person.contact = { 'msRTCSIP-PrimaryUserAddress': null };
  else if (roll < 0.05) person.contact = { 'msRTCSIP-PrimaryUserAddress': `${given}.${sn}@x`.toLowerCase() };
  else if (roll < 0.06) person.contact = { mailNickname: null };
  else if (roll < 0.07) person.contact = { targetAddress: `${given}.${sn}@x`.toLowerCase() };
  else if (roll < 0.075) person.user = { displayName: '' };
  return person;
}

function guid(random: () => number): Uint8Array {
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}
