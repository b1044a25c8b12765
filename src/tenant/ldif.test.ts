import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entriesFromRecords } from './entries-from-records';
import { DirectoryEntry } from './entry';
import { LdifError } from './ldif-error';
import { readLdif } from './ldif-reader';
import type { LdifRecord } from './ldif-records';
import { ldifChunks, writeLdif } from './ldif-writer';
import { forestFromRecords } from './tenant';

const SAMPLE = `# exported by ldifde
version: 1

dn: CN=Jed Hill,OU=External Contacts,DC=xyz,DC=corp
objectClass: top
objectClass: contact
cn:   Jed Hill
description: a long value that is folded
  onto a second line
objectGUID:: Q3TRJEBfSLHh8cC7n1qSNw==
displayName:: SsO2cmcgSMO2bGw=

dn: CN=Anna,DC=xyz,DC=corp
changetype: add
objectClass: user
cn: Anna

dn: CN=Anna,DC=xyz,DC=corp
changetype: modify
replace: mail
mail: anna@xyz.corp
-
add: proxyAddresses
proxyAddresses: SMTP:anna@xyz.corp
proxyAddresses: smtp:a@xyz.corp
-
`;

test('reads comments, version, folded lines, base64 text and binary values, change records', () => {
  const records = readLdif(SAMPLE, 'sample.ldif');
  assert.deepEqual(
    records.map((r) => r.type),
    ['content', 'add', 'modify'],
  );
  const jed = (records[0] as { entry: DirectoryEntry }).entry;
  assert.equal(jed.first('description'), 'a long value that is folded onto a second line');
  assert.equal(jed.first('cn'), 'Jed Hill', 'every space after the colon is fill (RFC 2849 FILL)');
  assert.equal(jed.first('displayname'), 'Jörg Höll');
  assert.ok(jed.get('objectGUID')[0] instanceof Uint8Array);
  assert.equal((jed.get('objectGUID')[0] as Uint8Array).length, 16);
  const forest = forestFromRecords(records, 'online', 'sample.ldif');
  const anna = forest.entries.find((e) => e.dn.startsWith('CN=Anna'))!;
  assert.equal(anna.first('mail'), 'anna@xyz.corp');
  assert.deepEqual(anna.texts('proxyAddresses'), ['SMTP:anna@xyz.corp', 'smtp:a@xyz.corp']);
  assert.equal(forest.domain, 'xyz.corp');
});

test('round-trips entries through the writer, bytes included', () => {
  const entry = new DirectoryEntry('CN=Zoë Ünal,DC=abc,DC=corp', {
    cn: 'Zoë Ünal',
    objectGUID: new Uint8Array([0, 1, 2, 255, 254, 10, 13, 32, 58, 60, 1, 2, 3, 4, 5, 6]),
    description: ' leading space',
    info: 'x'.repeat(200),
  });
  const back = readLdif(writeLdif([entry]), 'rt.ldif');
  const read = (back[0] as { entry: DirectoryEntry }).entry;
  assert.equal(read.dn, entry.dn);
  assert.deepEqual(read.toJSON(), entry.toJSON());
});

const BAD: Array<[string, string, RegExp]> = [
  ['dn: CN=a,DC=x\nmail anna@x\n', 'no colon', /bad\.ldif:2: expected "name: value"/],
  ['dn: CN=a,DC=x\nobjectGUID:: ###\n', 'bad base64', /bad\.ldif:2: attribute 'objectGUID': invalid base64/],
  ['mail: a@x\n', 'no dn', /bad\.ldif:1: attribute 'mail': a record must start with "dn:"/],
  [
    'dn: CN=a,DC=x\nchangetype: rename\n',
    'unknown changetype',
    /bad\.ldif:2: attribute 'changetype': unknown changetype/,
  ],
  [' folded\n', 'stray continuation', /bad\.ldif:1: continuation line/],
  ['dn: CN=a,DC=x\ncn: a\ndn: CN=b,DC=x\n', 'two dns', /bad\.ldif:3: attribute 'dn': a second "dn:"/],
];

for (const [text, what, message] of BAD) {
  test(`malformed LDIF (${what}) names the file, line and attribute`, () => {
    assert.throws(
      () => readLdif(text, 'bad.ldif'),
      (error: unknown) => error instanceof LdifError && message.test(error.message),
    );
  });
}

const entryOf = (record: LdifRecord) => (record as { entry: DirectoryEntry }).entry;

test('reads ldifde output: blank first line, CRLF, changetype: add, base64 DNs and values, its folding', () => {
  const dn = 'CN=Renée Åberg,OU=Users,DC=abc,DC=corp';
  const text = [
    '',
    `dn:: ${Buffer.from(dn).toString('base64')}`,
    'changetype: add',
    'objectClass: user',
    'distinguishedName: ',
    ` ${dn.slice(0, 20)}`,
    ` ${dn.slice(20)}`,
    `displayName:: ${Buffer.from('Renée Åberg').toString('base64')}`,
    'objectGUID:: Q3TRJEBfSLHh8cC7n1qSNw==',
    '',
    '',
  ].join('\r\n');
  const [record] = readLdif(text, 'x.ldf');
  assert.equal(record.type, 'add');
  assert.equal(entryOf(record).dn, dn);
  assert.deepEqual(entryOf(record).texts('distinguishedName'), [dn]);
  assert.deepEqual(entryOf(record).texts('displayName'), ['Renée Åberg']);
  assert.ok(entryOf(record).get('objectGUID')[0] instanceof Uint8Array);
});

test("reads ldapsearch's extended output: header and entry comments, folded comments, references, trailer", () => {
  const text = `# extended LDIF
#
# LDAPv3
# base <DC=abc,DC=corp> with scope subtree
# filter: (objectclass=*)
# requesting: ALL
#

# Anna Berg, Users, a very long organizational unit name that ldapsearch folds,
  abc.corp
dn: CN=Anna Berg,OU=Users,DC=abc,DC=corp
cn: Anna Berg

# search reference
ref: ldap://ForestDnsZones.abc.corp/DC=ForestDnsZones,DC=abc,DC=corp

# refldap://DomainDnsZones.abc.corp/DC=DomainDnsZones,DC=abc,DC=corp

# search result
search: 2
result: 0 Success

# numResponses: 3
# numEntries: 1
# numReferences: 1
`;
  const records = readLdif(text, 'x.ldif');
  assert.deepEqual(
    records.map((r) => [r.type, entryOf(r).dn]),
    [['content', 'CN=Anna Berg,OU=Users,DC=abc,DC=corp']],
  );
});

test('an ldapsearch result other than 0 (a size limit) means an incomplete export', () => {
  const text = 'dn: CN=a,DC=x\ncn: a\n\n# search result\nsearch: 2\nresult: 4 Size limit exceeded\n';
  assert.throws(
    () => readLdif(text, 'x.ldif'),
    /^LdifError: x\.ldif:6: attribute 'result': ldapsearch reported "result: 4 Size limit exceeded"/,
  );
});

test('ranged values are stored under the attribute name and the ranges noted; ;binary is dropped', () => {
  const text = `dn: CN=Big,OU=Groups,DC=abc,DC=corp
cn: Big
member;range=0-1: CN=u0,DC=abc,DC=corp
member;range=0-1: CN=u1,DC=abc,DC=corp
description;lang-de: Gruppe
userCertificate;binary:: YWJj

dn: CN=Big,OU=Groups,DC=abc,DC=corp
Member;Range=2-*: CN=u2,DC=abc,DC=corp
`;
  const records = readLdif(text, 'r.ldif');
  assert.deepEqual(
    records.map((r) => (r as { ranges?: unknown }).ranges),
    [{ member: [{ from: 0, to: 1 }] }, { member: [{ from: 2, to: '*' }] }],
  );
  const big = entryOf(records[0]);
  assert.deepEqual(big.names(), ['cn', 'member', 'description;lang-de', 'userCertificate']);
  assert.deepEqual(big.get('userCertificate'), [new Uint8Array([97, 98, 99])]);
  const { entries, notes } = entriesFromRecords(records, 'r.ldif');
  assert.deepEqual(entries[0].texts('member'), [
    'CN=u0,DC=abc,DC=corp',
    'CN=u1,DC=abc,DC=corp',
    'CN=u2,DC=abc,DC=corp',
  ]);
  assert.deepEqual(notes, []);
});

const MORE_BAD: Array<[string, string, RegExp]> = [
  ['dn: CN=a,DC=x\nmember;range=5-1: x\n', 'backwards range', /bad\.ldif:2: attribute 'member': the range/],
  [
    'dn: CN=a,DC=x\nmember;range=0-: x\n',
    'broken range',
    /bad\.ldif:2: attribute 'member': invalid attribute option/,
  ],
  [
    'dn: CN=a,DC=x\r\ncn: a\rsn: b\r\n',
    'lone CR',
    /bad\.ldif:2: a carriage return \(\\r\) not followed by a line feed/,
  ],
  [
    'dn: CN=a,DC=x\nma\x1b[2Jil\n',
    'control characters echoed',
    /bad\.ldif:2: expected "name: value", found "ma\\x1B\[2Jil"/,
  ],
  [
    'dn: CN=a,DC=x\nchangetype: \x07bell\n',
    'control characters in a changetype',
    /unknown changetype "\\x07bell"/,
  ],
  ['version: 2\x1b\n', 'control characters in a version', /bad\.ldif:1: unsupported LDIF version "2\\x1B"/],
  ['dn:: ###\n', 'bad base64 DN', /bad\.ldif:1: attribute 'dn': invalid base64/],
  ['dn:\ncn: a\n', 'empty DN', /bad\.ldif:1: attribute 'dn': the DN is empty/],
  [
    'ref: ldap://x\ncn: a\n',
    'reference block with attributes',
    /bad\.ldif:2: attribute 'cn': a record must start with "dn:"/,
  ],
];

for (const [text, what, message] of MORE_BAD) {
  test(`malformed LDIF (${what}) names the file and line, and never echoes control characters`, () => {
    assert.throws(
      () => readLdif(text, 'bad.ldif'),
      (error: unknown) =>
        error instanceof LdifError && message.test(error.message) && !/[\x00-\x1f\x7f]/.test(error.message),
    );
  });
}

test('a forest written in chunks of about a megabyte reads back whole, header and entry boundaries intact', () => {
  const entries = Array.from(
    { length: 12_000 },
    (_, i) =>
      new DirectoryEntry(`CN=Zoë ${i},OU=Staff,DC=abc,DC=corp`, {
        objectClass: ['top', 'person', 'user'],
        displayName: `Zoë ${i} ${'x'.repeat(i % 90)}`,
        description: ' leading space',
      }),
  );
  const chunks = [...ldifChunks(entries)];
  assert.ok(chunks.length > 1, `several chunks (${chunks.length})`);
  assert.ok(chunks.every((c) => c.length < (1 << 20) + 4096));
  const back = readLdif(chunks.join(''), 'chunks.ldif');
  assert.equal(back.length, entries.length);
  assert.equal(writeLdif([]), 'version: 1\n');
  assert.equal(writeLdif([], false), '');
});
