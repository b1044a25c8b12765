import type { DirectoryEntry } from '../../src/tenant/entry';

/** sAMAccountType values ([MS-SAMR] 2.2.1.9) by kind of account. */
const SAM_NORMAL_USER_ACCOUNT = '805306368';
const SAM_MACHINE_ACCOUNT = '805306369';
const SAM_GROUP_OBJECT = '268435456';
const SAM_NON_SECURITY_GROUP_OBJECT = '268435457';
const SAM_ALIAS_OBJECT = '536870912';
const SAM_NON_SECURITY_ALIAS_OBJECT = '536870913';

/**
 * What AD's SAM keeps on every security principal: sAMAccountType from the object's class (and a
 * group's type and scope), and a user's primaryGroupID (Domain Users, 513; Domain Computers, 515),
 * codePage and countryCode (0 until someone sets them).
 */
export function withAccountType(entry: DirectoryEntry, classes: string[]): void {
  if (classes.includes('computer')) {
    if (!entry.has('sAMAccountType')) entry.set('sAMAccountType', [SAM_MACHINE_ACCOUNT]);
    if (!entry.has('primaryGroupID')) entry.set('primaryGroupID', ['515']);
    withAccountDefaults(entry);
  } else if (classes.includes('user')) {
    if (!entry.has('sAMAccountType')) entry.set('sAMAccountType', [SAM_NORMAL_USER_ACCOUNT]);
    if (!entry.has('primaryGroupID')) entry.set('primaryGroupID', ['513']);
    withAccountDefaults(entry);
  } else if (classes.includes('group') && !entry.has('sAMAccountType')) {
    entry.set('sAMAccountType', [groupAccountType(Number(entry.first('groupType') ?? -2147483646))]);
  }
}

function withAccountDefaults(entry: DirectoryEntry): void {
  for (const name of ['codePage', 'countryCode']) if (!entry.has(name)) entry.set(name, ['0']);
}

/** A security group has groupType's high bit set; a domain-local group (scope 4) is an alias. */
function groupAccountType(groupType: number): string {
  const security = (groupType & 0x80000000) !== 0;
  const domainLocal = (groupType & 0x4) !== 0;
  if (domainLocal) return security ? SAM_ALIAS_OBJECT : SAM_NON_SECURITY_ALIAS_OBJECT;
  return security ? SAM_GROUP_OBJECT : SAM_NON_SECURITY_GROUP_OBJECT;
}
