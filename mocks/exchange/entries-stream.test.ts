import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDirectoryData, parseDirectoryStream } from './directory';
import { EntryStream, NOT_FOLLOWED } from './entries-stream';

/** The text's UTF-8 bytes as a client's body arrives: pieces of `size` bytes. */
function* arriving(text: string, size: number): Generator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function* body(text: string, size = 5): AsyncGenerator<Buffer> {
  yield* arriving(text, size);
}

/** What the stream reads from the text arriving in pieces of `size` bytes; undefined when it does not follow it. */
const scanned = (text: string, size: number) => {
  const items: unknown[] = [];
  const stream = new EntryStream((item, index) => {
    assert.equal(index, items.length);
    items.push(item);
  });
  try {
    for (const piece of arriving(text, size)) stream.take(piece);
    return { ...stream.finish(), items };
  } catch (error) {
    if (error === NOT_FOLLOWED) return undefined;
    throw error;
  }
};
const SIZES = [1, 2, 7, 1 << 20];

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
    for (const size of SIZES) {
      const got = scanned(text, size);
      assert.ok(got, `${text.slice(0, 60)} in pieces of ${size}`);
      assert.deepEqual(got.items, Array.isArray(parsed) ? parsed : parsed.entries);
      assert.equal(got.password, Array.isArray(parsed) ? undefined : parsed.password);
    }
  }
});

test('what it does not follow is left to the whole-body parse, which gives the same answer or error as before', async () => {
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
    '{"entries":[],"entries":{}}',
  ]) {
    for (const size of SIZES) assert.equal(scanned(text, size), undefined, JSON.stringify(text));
    const before = attempt(() => parseDirectoryData(text));
    const now = await attemptAsync(() => parseDirectoryStream(body(text)));
    assert.deepEqual(now, before, JSON.stringify(text));
  }
});

test('a load read as it arrives gives the recipients and password the text parse gives', async () => {
  const text = JSON.stringify({
    entries: [entry('CN=A,DC=x'), entry('CN=B,DC=x', { mailNickname: ['bee'] })],
    password: 'pw',
  });
  assert.deepEqual(await parseDirectoryStream(body(text)), parseDirectoryData(text));
  await assert.rejects(
    parseDirectoryStream(body(JSON.stringify([entry('CN=A,DC=x'), { dn: 7 }]))),
    /entry 1 has no dn or attributes/,
  );
});

test('past 16 MB, a load it does not follow is refused as such (it was not kept to be parsed whole)', async () => {
  const many = Array.from({ length: 100_000 }, (_, i) =>
    entry(`CN=Person ${i},DC=x`, { info: ['x'.repeat(120)] }),
  );
  const text = `${JSON.stringify(many)} trailing`;
  assert.ok(Buffer.byteLength(text) > 16 * 1024 * 1024);
  await assert.rejects(parseDirectoryStream(body(text, 65536)), /not JSON of the shape .* past 16 MB/);
  const good = await parseDirectoryStream(body(JSON.stringify({ entries: many }), 65536));
  assert.equal(good.recipients.length, 100_000);
});

async function attemptAsync(f: () => Promise<unknown>): Promise<unknown> {
  try {
    return { value: await f() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function attempt(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
