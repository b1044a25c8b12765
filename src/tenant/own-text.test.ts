import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { heapHoldsTextAfter } from '../util/heap-texts';
import { readLdif } from './ldif-reader';
import { ownText } from './own-text';

describe('ownText: the same text in a string of its own', () => {
  it('keeps every character: ASCII, accents, CJK, an emoji, a lone surrogate, a value longer than its buffer', () => {
    const long = `CN=${'Müller '.repeat(5000)},DC=abc,DC=corp`;
    for (const value of [
      'short',
      'sip:anna.berg@abc.corp',
      'CN=Åsa Öberg,OU=Users,DC=abc,DC=corp',
      '王小明 <wang.xiaoming@xyz.corp>',
      'a contact with an emoji 🎉 in its name',
      `a lone surrogate \uD800 in the middle of a value`,
      long,
    ])
      assert.equal(ownText(value), value);
  });

  it('entries read from LDIF do not keep the text they were read from', async () => {
    const marker = `# marker ${process.pid} ${Date.now()}`;
    const records = Array.from(
      { length: 200 },
      (_, i) =>
        `dn: CN=Person Number ${i},OU=Staff,DC=abc,DC=corp\nobjectClass: user\n` +
        `userPrincipalName: person.number.${i}@abc.corp\nmail: Person.Number.${i}@abc.corp`,
    );
    const read = readLdif(`${marker}\n${records.join('\n\n')}\n`);
    assert.equal(read.length, 200);
    assert.equal(await heapHoldsTextAfter(marker), false);
  });
});
