import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValueIndex } from './indexes';

interface Item {
  readonly id: number;
}

function indexOf(items: Item[], prefix = true) {
  return new ValueIndex<Item>(prefix, (id) => items[id]);
}

describe('mock DC attribute index: sorted keys, no hash map', () => {
  const items: Item[] = Array.from({ length: 8 }, (_, id) => ({ id }));

  it('answers what a load added once it is read, each entry once per key', () => {
    const index = indexOf(items);
    index.add('anna.berg@abc.corp', items[3]);
    index.add('pat.kim@abc.corp', items[1]);
    index.add('anna.berg@abc.corp', items[5]);
    index.add('anna.berg@abc.corp', items[3]); // the same value twice (SMTP: and smtp:)
    index.add('annika@abc.corp', items[2]);
    assert.deepEqual(index.equal('anna.berg@abc.corp'), [items[3], items[5]]);
    assert.deepEqual(index.equal('pat.kim@abc.corp'), [items[1]]);
    assert.deepEqual(index.equal('nobody@abc.corp'), []);
    assert.deepEqual([...index.startingWith('ann').items], [items[3], items[5], items[2]]);
    assert.equal(index.startingWith('ann').size, 3);
    assert.deepEqual([...(index.initials?.ids('ann') ?? [])], [2, 3, 5]);
  });

  it('keeps keys in order through writes after the load, and removes one entry of a shared key', () => {
    const index = indexOf(items);
    index.add('carl', items[4]);
    index.add('anna', items[1]);
    index.prepare();
    index.add('bo', items[6]);
    index.add('anna', items[7]);
    const seen: Item[] = [];
    index.forEachStartingWith('', (e) => seen.push(e));
    assert.deepEqual(seen, [items[1], items[7], items[6], items[4]]);
    index.remove('anna', items[1]);
    assert.deepEqual(index.equal('anna'), [items[7]]);
    index.remove('anna', items[7]);
    assert.deepEqual(index.equal('anna'), []);
    assert.deepEqual([...(index.initials?.ids('an') ?? [])], []);
    assert.deepEqual(index.equal('bo'), [items[6]]);
  });

  it('reads the entries that hold the attribute in tree (id) order', () => {
    const index = indexOf(items, false);
    for (const id of [6, 2, 4]) index.present.add(items[id]);
    index.present.add(items[2]);
    index.present.delete(items[4]);
    assert.equal(index.present.size, 2);
    assert.deepEqual([...index.present], [items[2], items[6]]);
    assert.equal(index.present.has(items[4]), false);
    index.present.add({ id: 5000 });
    assert.equal(index.present.size, 3);
  });

  it('holds a key most objects share as a byte per entry id, read in tree order through loads and writes', () => {
    const many: Item[] = Array.from({ length: 6000 }, (_, id) => ({ id }));
    const index = indexOf(many, false);
    for (const item of many.slice(1).reverse()) index.add('top', item);
    index.add('contact', many[9]);
    const top = index.bucket('top');
    assert.equal(top.size, 5999);
    assert.deepEqual([...top].slice(0, 3), [many[1], many[2], many[3]], 'in id order, not the order added');
    index.remove('top', many[2]);
    index.add('top', many[2]);
    assert.deepEqual([...index.bucket('top')].slice(0, 3), [many[1], many[2], many[3]]);
    for (const item of many.slice(2)) index.remove('top', item);
    assert.deepEqual(index.equal('top'), [many[1]]);
    const later = indexOf(many, false);
    later.prepare();
    for (const item of many.slice(0, 5000)) later.add('user', item);
    assert.equal(later.bucket('user').size, 5000);
    assert.deepEqual(later.equal('user').slice(-2), [many[4998], many[4999]]);
  });
});
