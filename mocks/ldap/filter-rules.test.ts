import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DirectoryEntry } from '../../src/tenant/entry';
import { compileFilter } from './compile-filter';
import { directoryOf } from './directory-load';
import { type Filter, matches, RULE_BIT_AND, RULE_BIT_OR, RULE_IN_CHAIN } from './filter';

/**
 * AD's matching rules, one row per case: the bit rules 803 (every bit of the mask set) and 804 (any bit
 * set) on multi-bit masks and on groupType's sign bit, ordering (`>=`, `<=`) on integers and on text,
 * approximate match (AD answers `~=` as equality), and 1941 (LDAP_MATCHING_RULE_IN_CHAIN) through nested
 * groups, in both link directions and around a cycle.
 */
const base = 'DC=abc,DC=corp';
const dn = (cn: string) => `CN=${cn},${base}`;
const dit = directoryOf(
  [
    new DirectoryEntry(base, { objectClass: ['top', 'domain'] }),
    // 514 = NORMAL_ACCOUNT (512) | ACCOUNTDISABLE (2)
    new DirectoryEntry(dn('Anna Berg'), {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      sn: 'Berg',
      userAccountControl: '514',
    }),
    // -2147483646 = 0x80000002: a global security group (the sign bit is SECURITY_ENABLED)
    new DirectoryEntry(dn('Team'), {
      objectClass: ['top', 'group'],
      groupType: '-2147483646',
      member: [dn('Anna Berg')],
    }),
    new DirectoryEntry(dn('Division'), { objectClass: ['top', 'group'], member: [dn('Team')] }),
    new DirectoryEntry(dn('Company'), { objectClass: ['top', 'group'], member: [dn('Division')] }),
    // A cycle: Loop A and Loop B are members of each other, and neither holds anyone.
    new DirectoryEntry(dn('Loop A'), { objectClass: ['top', 'group'], member: [dn('Loop B')] }),
    new DirectoryEntry(dn('Loop B'), { objectClass: ['top', 'group'], member: [dn('Loop A')] }),
  ],
  base,
);
const entry = (cn: string) => dit.get(dn(cn))!;
const holds = (filter: Filter, cn: string) => matches(compileFilter(filter, base), entry(cn), dit);
const rule = (attribute: string, r: string, value: string): Filter => ({
  kind: 'extensible',
  attribute,
  rule: r,
  value,
});

const rows: Array<[string, Filter, string, boolean]> = [
  ['803: one bit that is set', rule('userAccountControl', RULE_BIT_AND, '2'), 'Anna Berg', true],
  ['803: every bit of the mask set', rule('userAccountControl', RULE_BIT_AND, '514'), 'Anna Berg', true],
  ['803: one bit of the mask missing', rule('userAccountControl', RULE_BIT_AND, '3'), 'Anna Berg', false],
  ['803: a bit that is not set', rule('userAccountControl', RULE_BIT_AND, '16'), 'Anna Berg', false],
  ['803: the sign bit, as unsigned', rule('groupType', RULE_BIT_AND, '2147483648'), 'Team', true],
  ['803: the sign bit with another set bit', rule('groupType', RULE_BIT_AND, '2147483650'), 'Team', true],
  ['803: the sign bit with a bit not set', rule('groupType', RULE_BIT_AND, '2147483652'), 'Team', false],
  ['804: one of the mask bits set', rule('userAccountControl', RULE_BIT_OR, '3'), 'Anna Berg', true],
  ['804: none of the mask bits set', rule('userAccountControl', RULE_BIT_OR, '5'), 'Anna Berg', false],
  ['804: the sign bit alone', rule('groupType', RULE_BIT_OR, '2147483648'), 'Team', true],
  ['804: an empty mask matches nothing', rule('userAccountControl', RULE_BIT_OR, '0'), 'Anna Berg', false],
  ['803: a value that is not a number', rule('userAccountControl', RULE_BIT_AND, 'two'), 'Anna Berg', false],
  ['803: an attribute the entry lacks', rule('groupType', RULE_BIT_AND, '2'), 'Anna Berg', false],
  ['>= an integer below', { kind: 'ge', attribute: 'userAccountControl', value: '513' }, 'Anna Berg', true],
  ['>= the same integer', { kind: 'ge', attribute: 'userAccountControl', value: '514' }, 'Anna Berg', true],
  ['>= an integer above', { kind: 'ge', attribute: 'userAccountControl', value: '515' }, 'Anna Berg', false],
  ['<= an integer above', { kind: 'le', attribute: 'userAccountControl', value: '515' }, 'Anna Berg', true],
  ['<= an integer below', { kind: 'le', attribute: 'userAccountControl', value: '513' }, 'Anna Berg', false],
  [
    'integers compare as numbers, not text',
    { kind: 'ge', attribute: 'userAccountControl', value: '60' },
    'Anna Berg',
    true,
  ],
  ['>= a negative integer below', { kind: 'ge', attribute: 'groupType', value: '-2147483647' }, 'Team', true],
  [
    '<= a negative integer below',
    { kind: 'le', attribute: 'groupType', value: '-2147483647' },
    'Team',
    false,
  ],
  ['>= text, case-insensitive', { kind: 'ge', attribute: 'sn', value: 'b' }, 'Anna Berg', true],
  ['>= text after', { kind: 'ge', attribute: 'sn', value: 'C' }, 'Anna Berg', false],
  ['<= text after', { kind: 'le', attribute: 'sn', value: 'bf' }, 'Anna Berg', true],
  ['~= is equality', { kind: 'approx', attribute: 'sn', value: 'BERG' }, 'Anna Berg', true],
  ['~= is not a sounds-like match', { kind: 'approx', attribute: 'sn', value: 'Burg' }, 'Anna Berg', false],
  ['1941 memberOf: the direct group', rule('memberOf', RULE_IN_CHAIN, dn('Team')), 'Anna Berg', true],
  ['1941 memberOf: two levels up', rule('memberOf', RULE_IN_CHAIN, dn('Company')), 'Anna Berg', true],
  ['1941 memberOf: a group she is not in', rule('memberOf', RULE_IN_CHAIN, dn('Loop A')), 'Anna Berg', false],
  ['1941 member: down the chain', rule('member', RULE_IN_CHAIN, dn('Anna Berg')), 'Company', true],
  ['1941 member: a cycle ends, not found', rule('member', RULE_IN_CHAIN, dn('Anna Berg')), 'Loop A', false],
  ['1941 member: a cycle, found around it', rule('member', RULE_IN_CHAIN, dn('Loop A')), 'Loop B', true],
  [
    '1941: any spelling of the DN',
    rule('memberOf', RULE_IN_CHAIN, 'cn=company, dc=ABC,dc=corp'),
    'Anna Berg',
    true,
  ],
  [
    'plain memberOf: only the direct group',
    { kind: 'equal', attribute: 'memberOf', value: dn('Company') },
    'Anna Berg',
    false,
  ],
];

describe('AD matching rules, table-driven', () => {
  for (const [name, filter, cn, expected] of rows)
    it(`${name}: ${expected ? 'matches' : 'does not match'} ${cn}`, () => {
      assert.equal(holds(filter, cn), expected);
    });
});
