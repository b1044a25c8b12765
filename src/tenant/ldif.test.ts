import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DirectoryEntry } from './entry';
import { LdifError } from './ldif-error';
import { readLdif } from './ldif-reader';
import { writeLdif } from './ldif-writer';
import { forestFromRecords } from './tenant';

const SAMPLE = `# exported by ldifde
version: 1

dn: CN=Jed Hill,OU=External Contacts,DC=xyz,DC=corp
objectClass: top
objectClass: contact
cn: Jed Hill
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
