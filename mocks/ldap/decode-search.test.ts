import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EqualityFilter, ExtensibleFilter, SearchRequest } from 'ldapts';
import { decodeMessage } from './decode-message';

const frame = (messageId: number, attributes: string[]) =>
  new SearchRequest({
    messageId,
    baseDN: 'DC=abc,DC=corp',
    scope: 'sub',
    filter: new EqualityFilter({ attribute: 'mail', value: `u${messageId}@abc.corp` }),
    attributes,
  }).write();

const attributesOf = (bytes: Buffer) => {
  const request = decodeMessage(bytes);
  assert.equal(request.op, 'search');
  return request.attributes;
};

test('a search that repeats the last attribute list gets the same frozen list; another list its own', () => {
  const first = attributesOf(frame(1, ['mail', 'displayName', 'msRTCSIP-PrimaryUserAddress']));
  const again = attributesOf(frame(2, ['mail', 'displayName', 'msRTCSIP-PrimaryUserAddress']));
  assert.deepEqual(first, ['mail', 'displayName', 'msRTCSIP-PrimaryUserAddress']);
  assert.equal(again, first, 'the same bytes give the same array');
  assert.ok(Object.isFrozen(first), 'a shared list cannot be changed by one request');
  // Same length and names but one letter other, then a prefix of the list, then none at all.
  assert.deepEqual(attributesOf(frame(3, ['mail', 'displayName', 'msRTCSIP-PrimaryUserAddresS'])), [
    'mail',
    'displayName',
    'msRTCSIP-PrimaryUserAddresS',
  ]);
  assert.deepEqual(attributesOf(frame(4, ['mail', 'displayName'])), ['mail', 'displayName']);
  assert.deepEqual(attributesOf(frame(5, [])), []);
  assert.deepEqual(attributesOf(frame(6, ['mail', 'displayName', 'msRTCSIP-PrimaryUserAddress'])), first);
});

test('a repeated attribute list that runs past its request is refused, not matched', () => {
  const good = frame(7, ['cn', 'sn']);
  attributesOf(good);
  // The LDAPMessage and the SearchRequest end one byte early; the list still claims that byte.
  const short = Buffer.from(good);
  assert.deepEqual([short[0], short[5]], [0x30, 0x63], 'short-form lengths at [1] and [6]');
  short[1] -= 1;
  short[6] -= 1;
  assert.throws(() => decodeMessage(short), /longer than its container/);
});

test('an element the decoder does not need is skipped whole: dnAttributes in an extensible match', () => {
  const request = decodeMessage(
    new SearchRequest({
      messageId: 8,
      baseDN: 'DC=abc,DC=corp',
      scope: 'sub',
      filter: new ExtensibleFilter({ matchType: 'cn', rule: '1.2.3.4', value: 'Anna', dnAttributes: true }),
      attributes: [],
    }).write(),
  );
  assert.equal(request.op, 'search');
  assert.deepEqual(request.filter, { kind: 'extensible', attribute: 'cn', rule: '1.2.3.4', value: 'Anna' });
});

test('a search that repeats the last base DN decodes the rest of the request after it', () => {
  const search = (messageId: number, baseDN: string, sizeLimit: number) =>
    decodeMessage(
      new SearchRequest({
        messageId,
        baseDN,
        scope: 'one',
        sizeLimit,
        filter: new EqualityFilter({ attribute: 'cn', value: 'x' }),
        attributes: ['cn'],
      }).write(),
    );
  const first = search(9, 'OU=Users,DC=abc,DC=corp', 5);
  const again = search(10, 'OU=Users,DC=abc,DC=corp', 7);
  const other = search(11, 'OU=Users,DC=abc,DC=corP', 9);
  for (const [request, base, sizeLimit] of [
    [first, 'OU=Users,DC=abc,DC=corp', 5],
    [again, 'OU=Users,DC=abc,DC=corp', 7],
    [other, 'OU=Users,DC=abc,DC=corP', 9],
  ] as const) {
    assert.equal(request.op, 'search');
    assert.deepEqual([request.base, request.scope, request.sizeLimit], [base, 'one', sizeLimit]);
  }
});
