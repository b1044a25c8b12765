import type { DirectoryEntry } from '../tenant/entry';
import { mechanism, NOTES_MECHANISM } from './mechanism';
import { type Verdict, verdict } from './verdict';

/**
 * AD's MaxValRange: at most 1,500 values of a multi-valued attribute per read (the LDAP policy's default
 * since Windows Server 2003; Microsoft, "Enumerating Members in a Large Group"), as the deployment's
 * facts give it.
 */
export function maxValRange(): number {
  return mechanism().pol.maxValRange;
}

/** AD's default MaxValRange, as the notes' deployment has it (what `maxValRange()` gives unless the selftest changes it). */
export const MAX_VAL_RANGE = NOTES_MECHANISM.pol.maxValRange;

export type MemberRead = 'read whole' | 'over MaxValRange';

/**
 * POL-07: how the script's read of `member` (DirectorySearcher, PropertiesToLoad "member", no range)
 * comes back. Up to 1,500 values: whole, as `member`. Past that AD names the attribute
 * `member;range=0-1499`, so `$objItem.member` holds nothing and the task grants the policy to no one.
 */
export function memberReadByScript(group: DirectoryEntry): Verdict<MemberRead> {
  const max = maxValRange();
  const count = group.texts('member').length;
  const name = group.first('sAMAccountName') ?? group.dn;
  return count > max
    ? verdict(
        memberReadByScript,
        'over MaxValRange',
        ['POL-07'],
        `${name} has ${count} members, more than MaxValRange (${max}): AD answers member;range=0-${max - 1}, $objItem.member is empty and the task grants no one`,
      )
    : verdict(memberReadByScript, 'read whole', ['POL-07'], `${name} has ${count} members: read whole`);
}

/** The attribute name AD gives `member` when it is asked for without a range (POL-07 evidence). */
export function memberAttributeName(group: DirectoryEntry): Verdict<string> {
  const over = memberReadByScript(group);
  return verdict(
    memberAttributeName,
    over.value === 'over MaxValRange' ? `member;range=0-${maxValRange() - 1}` : 'member',
    over.rules,
    over.reason,
  );
}
