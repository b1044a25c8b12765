import { dnKey } from '../../src/tenant/dn';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { Forest, Tenant } from '../../src/tenant/tenant';

export interface Planted {
  rule: string;
  dn: string;
  why: string;
}

const blank = (e: DirectoryEntry, a: string) => (e.first(a) ?? '').trim() === '';
const isUser = (e: DirectoryEntry) => e.isA('user') && !e.isA('computer');

/**
 * The defects a directory holds that the harness must report, found by reading the data directly
 * (the catalog's wording, not the model's code): GAL-03/04 on contacts, GAL-05 on the online forest's
 * contacts, GAL-07 on users, SRCH-06 on licensed online users, POL-04 on users reached only by nesting.
 */
export function plantedDefects(tenant: Tenant): Planted[] {
  const found: Planted[] = [];
  for (const forest of tenant.forests) {
    for (const e of forest.entries) {
      if (e.isA('contact')) found.push(...contactDefects(e, forest));
      if (isUser(e)) {
        const missing = ['sAMAccountName', 'displayName', 'cn'].filter((a) => blank(e, a));
        if (missing.length)
          found.push({ rule: 'GAL-07', dn: e.dn, why: `user with a blank ${missing.join(', ')}` });
        const sip = sipDiffersFromMail(e, forest);
        if (sip) found.push({ rule: 'SRCH-06', dn: e.dn, why: sip });
      }
    }
    found.push(...nestedOnly(forest));
  }
  return found.sort((a, b) => a.rule.localeCompare(b.rule) || a.dn.localeCompare(b.dn));
}

function contactDefects(contact: DirectoryEntry, forest: Forest): Planted[] {
  const out: Planted[] = [];
  const sip = contact.first('msRTCSIP-PrimaryUserAddress');
  if (sip?.trim() && !/^sip:[^@\s]+@[^@\s]+$/.test(sip))
    out.push({ rule: 'GAL-03', dn: contact.dn, why: `contact's SIP address "${sip}" lacks the sip: prefix` });
  const target = contact.first('targetAddress');
  if (target?.trim() && !/^SMTP:[^@\s]+@[^@\s]+$/.test(target))
    out.push({
      rule: 'GAL-04',
      dn: contact.dn,
      why: `contact's targetAddress "${target}" lacks the SMTP: prefix`,
    });
  const unset = ['mailNickname', 'targetAddress'].filter((a) => blank(contact, a));
  if (forest.role === 'online' && unset.length)
    out.push({
      rule: 'GAL-05',
      dn: contact.dn,
      why: `contact without ${unset.join(' and ')}: DirSync leaves it out`,
    });
  return out;
}

function sipDiffersFromMail(user: DirectoryEntry, forest: Forest): string | undefined {
  const sip = user.first('msRTCSIP-PrimaryUserAddress');
  const mail = user.first('mail');
  const licensed =
    forest.role === 'online' &&
    sip &&
    mail &&
    user.first('msRTCSIP-UserEnabled')?.toUpperCase() !== 'FALSE' &&
    user.first('msExchHideFromAddressLists')?.toUpperCase() !== 'TRUE';
  if (!licensed || sip.replace(/^sip:/i, '').toLowerCase() === mail.toLowerCase()) return undefined;
  return `licensed online user whose SIP address ${sip} differs from mail ${mail}`;
}

/** Users that reach a group only through a group nested in it (the policy task reads member only). */
function nestedOnly(forest: Forest): Planted[] {
  const byKey = new Map(forest.entries.map((e) => [dnKey(e.dn), e]));
  const out: Planted[] = [];
  for (const group of forest.entries.filter((e) => e.isA('group'))) {
    const direct = new Set(group.texts('member').map(dnKey));
    if (![...direct].some((k) => byKey.get(k)?.isA('group'))) continue;
    const seen = new Set([dnKey(group.dn)]);
    const queue = [...direct];
    while (queue.length) {
      const key = queue.shift()!;
      if (seen.has(key)) continue;
      seen.add(key);
      const member = byKey.get(key);
      if (member?.isA('group')) queue.push(...member.texts('member').map(dnKey));
      else if (member?.isA('user') && !direct.has(key))
        out.push({
          rule: 'POL-04',
          dn: member.dn,
          why: `reaches ${group.first('cn')} only through a nested group`,
        });
    }
  }
  return out;
}
