import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LdifError } from './ldif-error';
import { decodeLdifFile, printable } from './ldif-text';

const TEXT =
  '\r\ndn: CN=Renée Åberg,OU=Users,DC=abc,DC=corp\r\nchangetype: add\r\ncn: Renée Åberg 😀\r\n\r\n';

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

const ENCODINGS: Array<[string, Buffer]> = [
  ['UTF-8', Buffer.from(TEXT, 'utf8')],
  [
    'UTF-8 with a byte-order mark',
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]),
  ],
  ['UTF-16LE with a byte-order mark (ldifde -u)', Buffer.from(`\uFEFF${TEXT}`, 'utf16le')],
  ['UTF-16BE with a byte-order mark', utf16be(`\uFEFF${TEXT}`)],
  ['UTF-16LE without a byte-order mark', Buffer.from(TEXT, 'utf16le')],
  ['UTF-16BE without a byte-order mark', utf16be(TEXT)],
];

for (const [what, bytes] of ENCODINGS) {
  test(`decodes ${what}, the byte-order mark dropped`, () => {
    assert.equal(decodeLdifFile(bytes, 'x.ldif'), TEXT);
  });
}

test('an ASCII file is never taken for UTF-16', () => {
  assert.equal(decodeLdifFile(Buffer.from('dn: CN=a,DC=x\n'), 'a.ldif'), 'dn: CN=a,DC=x\n');
  assert.equal(decodeLdifFile(Buffer.from('\n'), 'a.ldif'), '\n');
  assert.equal(decodeLdifFile(new Uint8Array(0), 'a.ldif'), '');
});

test('accepts a Uint8Array view into a larger buffer', () => {
  const backing = Buffer.from(`xx${TEXT}`, 'utf8');
  assert.equal(
    decodeLdifFile(new Uint8Array(backing.buffer, backing.byteOffset + 2, backing.length - 2), 'v'),
    TEXT,
  );
});

function fails(bytes: Uint8Array, message: RegExp): void {
  assert.throws(
    () => decodeLdifFile(bytes, 'bad.ldif'),
    (error: unknown) => error instanceof LdifError && message.test(error.message),
  );
}

const windows1252 = Buffer.concat([
  Buffer.from('dn: CN=a,DC=x\r\ncn: a\r\ndisplayName: Ren'),
  Buffer.from([0xe9]),
  Buffer.from('e\r\n'),
]);

test('invalid UTF-8 names the physical line and the byte, and is never replaced with U+FFFD', () => {
  fails(windows1252, /^bad\.ldif:3: the file is not valid UTF-8 \(byte 0xE9 after "displayName: Ren"\)/);
});

test('the bytes UTF-8 forbids are refused: overlong forms, surrogates, truncated sequences', () => {
  for (const bad of [
    [0xc0, 0xaf],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xe2, 0x82],
  ])
    fails(
      Buffer.from([...Buffer.from('dn: CN=a\n\ncn: '), ...bad]),
      new RegExp(`^bad\\.ldif:3: .*byte 0x${bad[0].toString(16).toUpperCase()}`),
    );
});

test('a byte-order mark followed by garbage names line 1', () => {
  fails(
    Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x41]),
    /^bad\.ldif:1: the file is not valid UTF-8 \(byte 0xFF/,
  );
  fails(
    Buffer.from([0xff, 0xfe, 0x00, 0xdc, 0x41, 0x00]),
    /^bad\.ldif:1: the file is not valid UTF-16LE \(unpaired surrogate 0xDC00 after a byte-order mark\)/,
  );
});

test('truncated UTF-16 names the last line', () => {
  const cut = Buffer.from(`\uFEFF${TEXT}`, 'utf16le').subarray(0, 121);
  fails(cut, /^bad\.ldif:3: the file ends in the middle of a UTF-16LE character/);
});

test('a NUL character (binary data, or UTF-16 that could not be recognised) is refused with its line', () => {
  fails(Buffer.from('dn: CN=a,DC=x\ncn: a\0b\n'), /^bad\.ldif:2: the file holds a NUL character/);
});

test('error messages escape the control characters of the bad line', () => {
  const bytes = Buffer.concat([Buffer.from('cn: \x1b[2J\x07'), Buffer.from([0xff])]);
  assert.throws(
    () => decodeLdifFile(bytes, 'bad.ldif'),
    (error: unknown) =>
      error instanceof LdifError &&
      error.message.includes('cn: \\x1B[2J\\x07') &&
      !/[\x00-\x1f]/.test(error.message),
  );
});

test('printable escapes C0, DEL, C1, line separators and bidirectional overrides', () => {
  assert.equal(printable('a\x07b\x1b[0m\x7f\x9b\u2028\u202e'), 'a\\x07b\\x1B[0m\\x7F\\x9B\\u2028\\u202E');
  assert.equal(printable('Renée Åsa Jürgen'), 'Renée Åsa Jürgen');
});

test('a fold inside a multi-byte character (ldapsearch folds comments by bytes) is mended, lines kept', () => {
  const whole = Buffer.from('# Renée Åberg, Users\ndn: CN=a\n', 'utf8');
  const at = whole.indexOf(0xa9); // the second byte of é
  const cut = Buffer.concat([whole.subarray(0, at), Buffer.from('\r\n '), whole.subarray(at)]);
  assert.equal(decodeLdifFile(cut, 'c.ldif'), '# René\r\n e Åberg, Users\ndn: CN=a\n');
  const pair = Buffer.from('\uFEFFcn: 😀\r\n', 'utf16le');
  const split = Buffer.concat([pair.subarray(0, 12), Buffer.from('\r\n ', 'utf16le'), pair.subarray(12)]);
  assert.equal(decodeLdifFile(split, 'c.ldif'), 'cn: 😀\r\n \r\n');
});

test('a whole but invalid sequence (a UTF-8-encoded surrogate, an overlong form) before a fold is reported, not looped on', () => {
  for (const bad of [
    [0xed, 0xa0, 0x80],
    [0xe0, 0x80, 0x80],
  ]) {
    const bytes = Buffer.concat([
      Buffer.from('dn: CN=x,DC=y\ncn: a'),
      Buffer.from(bad),
      Buffer.from('\n b\n'),
    ]);
    assert.throws(() => decodeLdifFile(bytes, 'bad.ldif'), /bad\.ldif:2: the file is not valid UTF-8/);
  }
});
