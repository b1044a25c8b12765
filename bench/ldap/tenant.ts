/**
 * The benchmark's tenant: a deterministic AD-like forest (DC=abc,DC=corp) of `n` objects, 79% users,
 * 20% contacts, 1% groups, in OUs of 5,000, with only attributes both servers know (bench/ldap/ad.schema
 * for slapd). The same seed gives the same bytes. Also the values the load draws its queries from.
 *
 * usage: node -r ./scripts/register-ts.js bench/ldap/tenant.ts --n 100000 --out FILE.ldif
 *        (writes FILE.ldif and FILE.queries.json, prints a JSON summary)
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export const BASE_DN = 'DC=abc,DC=corp';
/** The attributes every benchmark search asks for. */
export const BENCH_ATTRIBUTES = [
  'objectClass',
  'cn',
  'displayName',
  'givenName',
  'sn',
  'mail',
  'sAMAccountName',
  'proxyAddresses',
  'msRTCSIP-PrimaryUserAddress',
  'mailNickname',
  'targetAddress',
];

const GIVEN = [
  'Anna',
  'Ben',
  'Carla',
  'David',
  'Elena',
  'Frank',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Karin',
  'Lars',
  'Maria',
  'Nils',
  'Olga',
  'Paul',
  'Rosa',
  'Sven',
  'Tara',
  'Uwe',
  'Vera',
  'Walter',
  'Yara',
  'Zoe',
];
const FAMILY = [
  'Berg',
  'Kim',
  'Hill',
  'Novak',
  'Svensson',
  'Okafor',
  'Rossi',
  'Meyer',
  'Dubois',
  'Tanaka',
  'Silva',
  'Kowalski',
  'Larsen',
  'Haddad',
  'Costa',
  'Fischer',
  'Moreau',
  'Ivanova',
  'Nakamura',
  'Olsen',
];
const TITLES = ['Engineer', 'Manager', 'Analyst', 'Consultant', 'Director', 'Assistant'];
const CITIES = ['Oslo', 'Lyon', 'Graz', 'Porto', 'Turku', 'Gent'];
const OU_SIZE = 5000;

/** A small deterministic generator (xorshift32): the same seed, the same tenant. */
export function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  return { int: (below: number) => next() % below, pick: <T>(list: T[]) => list[next() % list.length] };
}

export interface BenchQueries {
  baseDN: string;
  n: number;
  mails: string[];
  sips: string[];
  prefixes: string[];
}

interface Person {
  given: string;
  family: string;
  id: number;
}

function personAttributes(p: Person, rng: ReturnType<typeof random>): string[] {
  const nick = `${p.given}.${p.family}${p.id}`.toLowerCase();
  return [
    `cn: ${p.given} ${p.family} ${p.id}`,
    `givenName: ${p.given}`,
    `sn: ${p.family}`,
    `displayName: ${p.family}, ${p.given} (${p.id})`,
    `mail: ${nick}@abc.corp`,
    `mailNickname: ${nick}`,
    `title: ${rng.pick(TITLES)}`,
    `l: ${rng.pick(CITIES)}`,
    `telephoneNumber: +47 22 ${String(100000 + p.id).slice(-6)}`,
  ];
}

/** Writes the tenant's LDIF to `out` and returns what the load queries draw from. */
export async function writeBenchTenant(n: number, out: string, seed = 1): Promise<BenchQueries> {
  const rng = random(seed);
  const file = createWriteStream(out);
  const write = async (text: string) => {
    if (!file.write(text)) await once(file, 'drain');
  };
  const queries: BenchQueries = { baseDN: BASE_DN, n, mails: [], sips: [], prefixes: [] };
  const groups = Math.max(1, Math.floor(n / 100));
  const contacts = Math.floor(n / 5);
  const users = n - groups - contacts;
  await write(`dn: ${BASE_DN}\nobjectClass: top\nobjectClass: domain\ndc: abc\n\n`);
  const ous = new Set<string>();
  const ou = async (name: string) => {
    if (ous.has(name)) return;
    ous.add(name);
    await write(
      `dn: OU=${name},${BASE_DN}\nobjectClass: top\nobjectClass: organizationalUnit\nou: ${name}\n\n`,
    );
  };
  const userDns: string[] = [];
  for (let i = 0; i < users; i++) {
    const p = { given: rng.pick(GIVEN), family: rng.pick(FAMILY), id: i };
    const name = `Staff${Math.floor(i / OU_SIZE)}`;
    await ou(name);
    const dn = `CN=${p.given} ${p.family} ${p.id},OU=${name},${BASE_DN}`;
    const nick = `${p.given}.${p.family}${p.id}`.toLowerCase();
    const lines = [
      `dn: ${dn}`,
      'objectClass: top',
      'objectClass: person',
      'objectClass: organizationalPerson',
      'objectClass: user',
      ...personAttributes(p, rng),
      `sAMAccountName: ${nick.slice(0, 20)}`,
      `proxyAddresses: SMTP:${nick}@abc.corp`,
      `proxyAddresses: smtp:${nick}@abc.mail.corp`,
      `msRTCSIP-PrimaryUserAddress: sip:${nick}@abc.corp`,
    ];
    if (rng.int(10) === 0) lines.push(`targetAddress: SMTP:${nick}@abc.online.corp`);
    await write(`${lines.join('\n')}\n\n`);
    userDns.push(dn);
    if (i % 97 === 0) queries.mails.push(`${nick}@abc.corp`);
    if (i % 89 === 0) queries.sips.push(`sip:${nick}@abc.corp`);
    if (i % 211 === 0)
      queries.prefixes.push(p.given.slice(0, 2 + rng.int(3)), p.family.slice(0, 2 + rng.int(3)));
  }
  await ou('Contacts');
  for (let i = 0; i < contacts; i++) {
    const p = { given: rng.pick(GIVEN), family: rng.pick(FAMILY), id: users + i };
    const nick = `${p.given}.${p.family}${p.id}`.toLowerCase();
    const lines = [
      `dn: CN=${p.given} ${p.family} ${p.id},OU=Contacts,${BASE_DN}`,
      'objectClass: top',
      'objectClass: person',
      'objectClass: organizationalPerson',
      'objectClass: contact',
      ...personAttributes(p, rng),
      `targetAddress: SMTP:${nick}@xyz.corp`,
      `proxyAddresses: SMTP:${nick}@xyz.corp`,
    ];
    if (rng.int(10) >= 3) lines.push(`msRTCSIP-PrimaryUserAddress: sip:${nick}@xyz.corp`);
    await write(`${lines.join('\n')}\n\n`);
    if (i % 97 === 0) queries.mails.push(`${nick}@abc.corp`);
  }
  await ou('Groups');
  for (let g = 0; g < groups; g++) {
    const members = Array.from({ length: 1 + rng.int(100) }, () => userDns[rng.int(userDns.length)]);
    const lines = [
      `dn: CN=Group ${g},OU=Groups,${BASE_DN}`,
      'objectClass: top',
      'objectClass: group',
      `cn: Group ${g}`,
      `sAMAccountName: group${g}`,
      ...[...new Set(members)].map((m) => `member: ${m}`),
    ];
    await write(`${lines.join('\n')}\n\n`);
  }
  file.end();
  await once(file, 'finish');
  return queries;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const arg = (name: string) => args[args.indexOf(name) + 1];
  const n = Number(arg('--n'));
  const out = arg('--out');
  if (!Number.isInteger(n) || n < 10 || !out) {
    console.error('usage: tenant.ts --n N (>= 10) --out FILE.ldif [--seed S]');
    process.exit(2);
  }
  writeBenchTenant(n, out, Number(arg('--seed') ?? 1)).then(async (queries) => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(out.replace(/\.ldif$/, '.queries.json'), JSON.stringify(queries));
    console.log(
      JSON.stringify({ n, ldif: out, mails: queries.mails.length, prefixes: queries.prefixes.length }),
    );
  });
}
