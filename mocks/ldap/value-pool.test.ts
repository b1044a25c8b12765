import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { heapHoldsTextAfter } from '../../src/util/heap-texts';
import { DirectoryState } from './directory-state';
import { ValuePool } from './value-pool';

/** A DC loaded from an LDIF text that starts with `marker` (built here, so no caller's frame holds the text). */
function loadedWithMarker(marker: string): DirectoryState {
  const records = Array.from(
    { length: 400 },
    (_, i) =>
      `dn: CN=Person Number ${i},OU=Staff,DC=abc,DC=corp\nobjectClass: top\nobjectClass: user\n` +
      `sAMAccountName: person.number.${i}\nuserPrincipalName: person.number.${i}@abc.corp\n` +
      `displayName: Person Number ${i} of the Staff OU\nmail: Person.Number.${i}@abc.corp`,
  );
  const state = new DirectoryState();
  state.load(`${marker}\n${['dn: DC=abc,DC=corp\nobjectClass: domainDNS', ...records].join('\n\n')}\n`);
  return state;
}

describe('mock DC values: kept once, and never views into the text they came from', () => {
  it('keeps one string per value of an attribute whose values repeat, and stops for unique ones', () => {
    const pool = new ValuePool();
    for (let i = 0; i < 3000; i++) {
      pool.text('objectclass', i % 2 ? 'organizationalPerson' : 'top');
      pool.text('mail', `person.number.${i}@abc.corp`);
    }
    assert.equal(pool.sharing('objectclass'), true);
    assert.equal(pool.sharing('mail'), false);
    assert.equal(pool.text('mail', 'someone.else@abc.corp'), 'someone.else@abc.corp');
  });

  it('holds a repeated list of values once, and a change to one object leaves the others as they were', () => {
    const state = loadedWithMarker('# lists');
    const dn = (i: number) => `CN=Person Number ${i},OU=Staff,DC=abc,DC=corp`;
    const [first, second] = [0, 1].map((i) => state.dit.get(dn(i))!);
    const classes = first.entry.get('objectClass');
    assert.deepEqual(classes, ['top', 'user']);
    assert.equal(second.entry.get('objectClass'), classes, 'one array for both');
    assert.ok(Object.isFrozen(classes));
    state.dit.replaceAttribute(first, 'objectClass', ['top', 'user', 'person']);
    assert.deepEqual(state.dit.get(dn(0))!.entry.get('objectClass'), ['top', 'user', 'person']);
    assert.deepEqual(second.entry.get('objectClass'), ['top', 'user']);
    const unique = new ValuePool();
    unique.text('proxyaddresses', 'SMTP:a@x');
    assert.equal(
      unique.list('proxyaddresses', ['SMTP:a@x', 'sip:a@x']),
      unique.list('proxyaddresses', ['SMTP:a@x', 'sip:a@x']),
    );
    for (let i = 0; i < 3000; i++) unique.text('proxyaddresses', `SMTP:${i}@x`);
    const own = ['SMTP:b@x', 'sip:b@x'];
    assert.equal(unique.list('proxyaddresses', own), own, 'values that no longer repeat are not interned');
    assert.notEqual(unique.list('proxyaddresses', ['SMTP:b@x', 'sip:b@x']), own);
  });

  it('a loaded forest does not keep the LDIF text it was read from', async () => {
    const marker = `# marker ${process.pid} ${Date.now()}`;
    const state = loadedWithMarker(marker);
    assert.equal(state.dit.size, 402);
    assert.equal(await heapHoldsTextAfter(marker), false);
  });
});
