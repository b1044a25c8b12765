import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DirectoryEntry } from '../../src/tenant/entry';
import { compileFilter } from './compile-filter';
import { directoryOf } from './directory-load';
import { type Filter, matches } from './filter';
import { InitialsIndex, mergeSorted } from './initials-index';
import { candidates } from './planner';

describe('initials index', () => {
  it('keeps each prefix list sorted, an id once per value, and removes one occurrence', () => {
    const index = new InitialsIndex();
    index.add('anna', 7);
    index.add('andreas', 3);
    index.add('ann', 7);
    index.add('annika', 5);
    assert.deepEqual([...index.ids('an')], [3, 5, 7, 7]);
    assert.deepEqual([...index.ids('ann')], [5, 7, 7]);
    assert.deepEqual([...index.ids('anna')], [7]);
    index.remove('ann', 7);
    assert.deepEqual([...index.ids('an')], [3, 5, 7]);
    index.remove('anna', 7);
    assert.deepEqual([...index.ids('anna')], []);
    assert.deepEqual([...index.ids('an')], [3, 5]);
    assert.equal(InitialsIndex.answers('a'), false);
    assert.equal(InitialsIndex.answers('anna'), true);
    assert.equal(InitialsIndex.answers('annab'), false);
  });

  it('merges sorted lists into distinct ids in order', () => {
    assert.deepEqual([...mergeSorted([[1, 4, 4, 9], [2, 4, 10], [], [9]])], [1, 2, 4, 9, 10]);
  });
});

describe('a union of name prefixes', () => {
  const base = 'DC=abc,DC=corp';
  const people = ['Anna Berg', 'Andreas Kim', 'Berit Anders', 'Carl Hill', 'Ann Andersson', 'Jed Annan'];
  const dit = directoryOf(
    [
      new DirectoryEntry(base, { objectClass: ['top', 'domain'] }),
      ...people.map((name) => {
        const [given, sn] = name.split(' ');
        return new DirectoryEntry(`CN=${name},${base}`, {
          objectClass: ['top', 'person', 'organizationalPerson', 'user'],
          givenName: given,
          sn,
          displayName: name,
          mail: [`${given}.${sn}@abc.corp`.toLowerCase()],
          sAMAccountName: `${given[0]}${sn}`.toLowerCase(),
        });
      }),
    ],
    base,
  );
  const or = (prefix: string): Filter => ({
    kind: 'or',
    filters: ['givenName', 'sn', 'displayName', 'mail'].map((attribute) => ({
      kind: 'substring',
      attribute,
      initial: prefix,
      any: [],
    })),
  });
  /** What a full scan finds, in tree order (entry ids): the order a size-limited answer must keep. */
  const scan = (f: Filter) =>
    [...dit.all()]
      .filter((e) => matches(compileFilter(f, base), e, dit))
      .sort((a, b) => a.id - b.id)
      .map((e) => e.dn);
  const planned = (f: Filter) =>
    [...candidates(dit, compileFilter(f, base))!.items]
      .filter((e) => matches(compileFilter(f, base), e, dit))
      .map((e) => e.dn);

  it('finds what a scan finds, in tree order, for 2- to 4-character and longer prefixes', () => {
    for (const prefix of ['an', 'AND', 'anna', 'ande', 'annan', 'be', 'zz'])
      assert.deepEqual(planned(or(prefix)), scan(or(prefix)), prefix);
  });

  it('stays right after a value changes and an entry is put back under its old id', () => {
    const berit = dit.get(`CN=Berit Anders,${base}`)!;
    dit.replaceAttribute(berit, 'sn', ['Zorn']);
    assert.deepEqual(planned(or('and')), scan(or('and')));
    assert.ok(!planned(or('and')).includes(berit.dn));
    const anna = dit.get(`CN=Anna Berg,${base}`)!;
    dit.remove(anna);
    assert.deepEqual(planned(or('an')), scan(or('an')));
    dit.insert(anna.entry, anna.id);
    assert.deepEqual(planned(or('an')), scan(or('an')));
    assert.equal(planned(or('an'))[0], anna.dn, 'back first, under its old id');
  });
});
