import type { LdapQuery } from './ldap-answer';

const BASE = 'DC=abc,DC=corp';
const PASSWORD = 'Passw0rd!';
const ANNA = `CN=Anna Berg,OU=Users,${BASE}`;
const RECORDING = `CN=CSLyncRecordingUsers,OU=Groups,${BASE}`;
const as = (name: string, password = PASSWORD) => ({ name, password });
const ADMIN = as('ABC\\Administrator');

/**
 * The requests the differential test asks the mock DC and Samba alike, on the sample's ABC forest: the
 * binds AD takes, the search features the rules and their clients use, and the error answers a
 * client reads. Each names what it checks.
 */
export const QUERIES: LdapQuery[] = [
  { name: 'bind by UPN', bind: as('aberg@abc.corp'), bindOnly: true },
  { name: 'bind by DOMAIN\\user', bind: as('ABC\\aberg'), bindOnly: true },
  { name: 'bind by DN', bind: as(ANNA), bindOnly: true },
  { name: 'bind with a wrong password (data 52e)', bind: as('aberg@abc.corp', 'wrong'), bindOnly: true },
  { name: 'bind as an unknown account (data 52e)', bind: as('nobody@abc.corp', 'wrong'), bindOnly: true },
  { name: 'search without a bind', base: BASE, filter: '(sn=Berg)', attributes: ['cn'] },
  { name: 'rootDSE before a bind', base: '', scope: 'base', attributes: ['defaultNamingContext'] },
  { name: 'equality on sn', bind: ADMIN, base: BASE, filter: '(sn=Berg)', attributes: ['cn', 'mail'] },
  { name: 'ANR on a first name', bind: ADMIN, base: BASE, filter: '(anr=Anna)', attributes: ['cn'] },
  { name: 'ANR on "first last"', bind: ADMIN, base: BASE, filter: '(anr=Anna Berg)', attributes: ['cn'] },
  { name: 'ANR on "last first"', bind: ADMIN, base: BASE, filter: '(anr=Berg Anna)', attributes: ['cn'] },
  { name: 'ANR exact (=)', bind: ADMIN, base: BASE, filter: '(anr==aberg)', attributes: ['cn'] },
  { name: 'ANR on a mail prefix', bind: ADMIN, base: BASE, filter: '(anr=anna.berg)', attributes: ['cn'] },
  {
    name: 'objectCategory=person short form',
    bind: ADMIN,
    base: `OU=Users,${BASE}`,
    filter: '(objectCategory=person)',
    attributes: ['cn'],
  },
  {
    name: 'objectCategory=group short form (the policy task)',
    bind: ADMIN,
    base: BASE,
    filter: '(&(objectCategory=Group)(SamAccountName=CSLyncRecordingUsers))',
    attributes: ['member'],
  },
  {
    name: 'objectCategory=contact short form',
    bind: ADMIN,
    base: `OU=GALSync,${BASE}`,
    filter: '(objectCategory=contact)',
    attributes: ['cn'],
  },
  {
    name: 'LDAP_MATCHING_RULE_IN_CHAIN on memberOf',
    bind: ADMIN,
    base: BASE,
    filter: `(memberOf:1.2.840.113556.1.4.1941:=${RECORDING})`,
    attributes: ['cn'],
  },
  {
    name: 'userAccountControl bit AND (803)',
    bind: ADMIN,
    base: `OU=Users,${BASE}`,
    filter: '(userAccountControl:1.2.840.113556.1.4.803:=512)',
    attributes: ['cn'],
  },
  {
    name: 'paged results, pages of 25',
    bind: ADMIN,
    base: `OU=Users,${BASE}`,
    filter: '(objectClass=user)',
    attributes: ['sAMAccountName'],
    pageSize: 25,
  },
  {
    name: 'ranged member retrieval 0-1',
    bind: ADMIN,
    base: RECORDING,
    scope: 'base',
    attributes: ['member;range=0-1'],
  },
  {
    name: 'ranged member retrieval 2-*',
    bind: ADMIN,
    base: RECORDING,
    scope: 'base',
    attributes: ['member;range=2-*'],
  },
  {
    name: 'every member of a group with a nested group',
    bind: ADMIN,
    base: RECORDING,
    scope: 'base',
    attributes: ['member'],
  },
  {
    name: 'operational attributes of the groups',
    bind: ADMIN,
    base: `OU=Groups,${BASE}`,
    filter: '(objectClass=group)',
    attributes: ['objectCategory', 'sAMAccountType', 'groupType', 'memberOf', 'distinguishedName'],
  },
  {
    name: 'operational and computed attributes of a user',
    bind: ADMIN,
    base: ANNA,
    scope: 'base',
    attributes: [
      'objectClass',
      'objectCategory',
      'memberOf',
      'distinguishedName',
      'name',
      'sAMAccountType',
      'instanceType',
      'userAccountControl',
      'primaryGroupID',
      'userPrincipalName',
    ],
  },
  {
    name: 'every attribute of a contact',
    bind: ADMIN,
    base: `CN=Pat Kim,OU=GALSync,${BASE}`,
    scope: 'base',
  },
  {
    name: 'Lync and Exchange attributes read as the rules read them',
    bind: as('aberg@abc.corp'),
    base: `OU=Users,${BASE}`,
    filter: '(msRTCSIP-PrimaryUserAddress=sip:*)',
    attributes: ['msRTCSIP-PrimaryUserAddress', 'targetAddress', 'mailNickname', 'proxyAddresses'],
  },
  {
    name: 'a base that does not exist (matchedDN)',
    bind: ADMIN,
    base: `OU=Nowhere,OU=Users,${BASE}`,
    filter: '(objectClass=*)',
    attributes: ['cn'],
  },
  {
    name: 'the naming-context head',
    bind: ADMIN,
    base: BASE,
    scope: 'base',
    attributes: ['objectClass', 'dc', 'distinguishedName'],
  },
  {
    name: 'one-level search under the head',
    bind: ADMIN,
    base: BASE,
    scope: 'one',
    filter: '(objectClass=organizationalUnit)',
    attributes: ['ou'],
  },
];
