import type { DirectoryEntry } from '../../src/tenant/entry';
import { badSyntax, CODE, LdapError, objectClassViolation } from './ad-errors';

/** AD's spelling of the attributes clients write (clients may write them in any case). */
const SPELLING = [
  'objectClass',
  'objectCategory',
  'cn',
  'name',
  'displayName',
  'givenName',
  'sn',
  'initials',
  'sAMAccountName',
  'userPrincipalName',
  'mail',
  'mailNickname',
  'proxyAddresses',
  'targetAddress',
  'legacyExchangeDN',
  'msRTCSIP-PrimaryUserAddress',
  'msRTCSIP-UserEnabled',
  'msRTCSIP-UserPolicies',
  'msExchHideFromAddressLists',
  'member',
  'memberOf',
  'groupType',
  'userAccountControl',
  'description',
  'telephoneNumber',
  'mobile',
  'title',
  'department',
  'company',
  'physicalDeliveryOfficeName',
  'l',
  'c',
  'streetAddress',
  'postalCode',
  'manager',
  'objectGUID',
  'objectSid',
  'distinguishedName',
  'instanceType',
  'whenCreated',
  'whenChanged',
  'uSNCreated',
  'uSNChanged',
  'ou',
  'dc',
  'info',
  'showInAddressBook',
  'thumbnailPhoto',
  'adminDescription',
  'extensionAttribute1',
];
const BY_KEY = new Map(SPELLING.map((n) => [n.toLowerCase(), n]));

export function spell(name: string): string {
  return BY_KEY.get(name.toLowerCase()) ?? name;
}

/** Attributes the DC maintains itself: a client writing them is refused. */
export const SYSTEM_ONLY = new Set([
  'memberof',
  'objectguid',
  'objectsid',
  'distinguishedname',
  'name',
  'instancetype',
  'whencreated',
  'whenchanged',
  'usncreated',
  'usnchanged',
]);

/** Attributes a class cannot hold (MS-ADSC): a contact is no security principal. */
const NOT_ALLOWED: Record<string, string[]> = {
  contact: ['samaccountname', 'userprincipalname', 'unicodepwd', 'useraccountcontrol'],
};

/** The schema checks the rules touch: the structural class, cn present, no blank values, mayContain. */
export function checkSchema(entry: DirectoryEntry): void {
  const classes = entry.objectClasses();
  if (classes.length === 0) throw objectClassViolation('objectClass is required');
  for (const name of entry.names()) {
    if (entry.texts(name).some((v) => v.trim() === '')) throw badSyntax(name);
  }
  for (const cls of classes) {
    const banned = (NOT_ALLOWED[cls] ?? []).find((a) => entry.has(a));
    if (banned) throw objectClassViolation(`${spell(banned)} is not allowed on a ${cls}`);
  }
  const needsCn = ['user', 'contact', 'group', 'computer'].some((c) => classes.includes(c));
  if (needsCn && !entry.has('cn')) throw objectClassViolation('cn is required');
}

/** The defaultObjectCategory (its CN in the schema) AD stamps on a new object of these classes. */
export function categoryName(classes: string[]): string | undefined {
  if (classes.includes('computer')) return 'Computer';
  if (classes.includes('user') || classes.includes('contact')) return 'Person';
  if (classes.includes('group')) return 'Group';
  if (classes.includes('organizationalunit')) return 'Organizational-Unit';
  if (classes.includes('domaindns')) return 'Domain-DNS';
  if (classes.includes('container')) return 'Container';
  return undefined;
}

/** Objects that get an objectSid: users (and computers, a kind of user) and groups. */
export function isSecurityPrincipal(classes: string[]): boolean {
  return classes.includes('user') || classes.includes('group');
}

export function systemOnly(name: string): LdapError {
  return new LdapError(
    CODE.unwillingToPerform,
    `00002077: SvcErr: DSID-03152E34, problem 5003 (WILL_NOT_PERFORM), data 0 (${spell(name)} is maintained by the system)`,
  );
}
