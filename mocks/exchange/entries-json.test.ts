import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDirectoryBytes, parseDirectoryData } from './directory';
import { scanEntries } from './entries-json';

const scanned = (text: string) => {
  const items: unknown[] = [];
  const found = scanEntries(Buffer.from(text, 'utf8'), (item, index) => {
    assert.equal(index, items.length);
    items.push(item);
  });
  return found && { ...found, items };
};

const entry = (dn: string, extra: Record<string, string[]> = {}) => ({
  dn,
  attributes: {
    objectClass: ['top', 'person', 'organizationalPerson', 'user'],
    mail: [`${dn.length}@x.example`],
    ...extra,
  },
});

test('elements come out one at a time exactly as JSON.parse reads them, in both shapes', () => {
  const entries = [
    entry('CN=Anna Berg,DC=x', { displayName: ['Anna "AB" Berg {x} [y], \\ z'] }),
    entry('CN=Jörg Müller 日本,DC=x'),
    entry('CN=Escaped \\"quote\\",DC=x'),
    entry('CN=Unbalanced,DC=x', { info: ['a " } ] , { "', '\\', '\\"]'] }),
  ];
  for (const text of [
    JSON.stringify(entries),
    JSON.stringify({ entries, password: 'S3cret!' }),
    JSON.stringify({ note: { nested: [1, { a: ']' }] }, entries, n: -1.5e3, t: true, z: null }, null, 2),
    `\r\n\t{ "password" : "p" ,\n "entries" : [ ${entries.map((e) => JSON.stringify(e)).join(' ,\n ')} ] }  \n`,
    '[]',
    '{"entries":[]}',
  ]) {
    const parsed = JSON.parse(text);
    const got = scanned(text);
    assert.ok(got, text.slice(0, 60));
    assert.deepEqual(got.items, Array.isArray(parsed) ? parsed : parsed.entries);
    assert.equal(got.password, Array.isArray(parsed) ? undefined : parsed.password);
  }
});

test('what it does not follow is left to the whole-body parse, which gives the same answer or error as before', () => {
  for (const text of [
    '',
    '   ',
    '{}',
    '{"password":"x"}',
    '{"entries":{}}',
    '{"entries":[{"dn":"a"}',
    '[{"dn":"a"},]',
    '[{"dn":"a"}] trailing',
    '{"entries":[],"entries":[]}',
    '\ufeff[]',
    'null',
    '[{"dn":"a" "b"}]',
  ]) {
    assert.equal(scanned(text), undefined, JSON.stringify(text));
    const before = attempt(() => parseDirectoryData(text));
    const now = attempt(() => parseDirectoryBytes(Buffer.from(text, 'utf8')));
    assert.deepEqual(now, before, JSON.stringify(text));
  }
});

test('a load read from bytes gives the recipients and password the text parse gives', () => {
  const body = JSON.stringify({
    entries: [entry('CN=A,DC=x'), entry('CN=B,DC=x', { mailNickname: ['bee'] })],
    password: 'pw',
  });
  assert.deepEqual(parseDirectoryBytes(Buffer.from(body)), parseDirectoryData(body));
  assert.throws(
    () => parseDirectoryBytes(Buffer.from(JSON.stringify([entry('CN=A,DC=x'), { dn: 7 }]))),
    /entry 1 has no dn or attributes/,
  );
});

function attempt(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
