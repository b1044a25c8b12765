import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DirectoryEntry } from '../../src/tenant/entry';
import { compileFilter } from './compile-filter';
import { directoryOf } from './directory-load';
import type { Dit } from './dit';
import { type Filter, matches } from './filter';
import { candidates } from './planner';

const base = 'DC=abc,DC=corp';
const dit: Dit = directoryOf(
  [
    new DirectoryEntry(base, { objectClass: ['top', 'domain'] }),
    new DirectoryEntry(`CN=Anna Berg,${base}`, {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      objectCategory: `CN=Person,CN=Schema,CN=Configuration,${base}`,
      givenName: 'Anna',
      sn: 'Berg',
      displayName: 'Anna Berg',
      sAMAccountName: 'aberg',
      userAccountControl: '514',
    }),
    new DirectoryEntry(`CN=Team,${base}`, {
      objectClass: ['top', 'group'],
      objectCategory: `CN=Group,CN=Schema,CN=Configuration,${base}`,
      groupType: '-2147483646',
      member: [`CN=Anna Berg,${base}`],
    }),
  ],
  base,
);
const anna = dit.get(`CN=Anna Berg,${base}`)!;
const team = dit.get(`CN=Team,${base}`)!;
const test = (f: Filter, e = anna) => matches(compileFilter(f, base), e, dit);

describe('mock DC filter evaluation', () => {
  it('compares case-insensitively and expands anr (first last and last first)', () => {
    assert.ok(test({ kind: 'equal', attribute: 'SAMACCOUNTNAME', value: 'ABERG' }));
    assert.ok(test({ kind: 'equal', attribute: 'anr', value: 'anna b' }));
    assert.ok(test({ kind: 'equal', attribute: 'anr', value: 'Berg Anna' }));
    assert.ok(!test({ kind: 'equal', attribute: 'anr', value: '=Ann' }));
    assert.ok(!test({ kind: 'equal', attribute: 'anr', value: '*' }));
  });

  it('maps objectCategory short forms and evaluates the bit and in-chain rules', () => {
    assert.ok(test({ kind: 'equal', attribute: 'objectCategory', value: 'person' }));
    assert.ok(test({ kind: 'equal', attribute: 'objectCategory', value: 'Group' }, team));
    assert.ok(
      test({
        kind: 'extensible',
        attribute: 'userAccountControl',
        rule: '1.2.840.113556.1.4.803',
        value: '2',
      }),
    );
    assert.ok(
      test(
        { kind: 'extensible', attribute: 'groupType', rule: '1.2.840.113556.1.4.803', value: '2147483648' },
        team,
      ),
    );
    assert.ok(
      test({
        kind: 'extensible',
        attribute: 'memberOf',
        rule: '1.2.840.113556.1.4.1941',
        value: `cn=team,${base}`,
      }),
    );
    assert.equal(test({ kind: 'ge', attribute: 'groupType', value: '-2147483647' }, team), true);
    assert.equal(test({ kind: 'le', attribute: 'groupType', value: '-2147483647' }, team), false);
  });

  it('answers indexed filters from the indexes, not by a scan', () => {
    const c = candidates(
      dit,
      compileFilter({ kind: 'substring', attribute: 'displayName', initial: 'ann', any: [] }, base),
    );
    assert.deepEqual(
      [...(c?.items ?? [])].map((e) => e.dn),
      [anna.dn],
    );
    assert.equal(candidates(dit, { kind: 'equal', attribute: 'description', value: 'x' }), undefined);
    const anr = candidates(dit, compileFilter({ kind: 'equal', attribute: 'anr', value: 'Anna B' }, base));
    assert.deepEqual(
      [...(anr?.items ?? [])].map((e) => e.dn),
      [anna.dn],
    );
  });
});
