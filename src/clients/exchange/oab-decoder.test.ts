import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recipientsFromJson } from '../../../mocks/exchange/directory';
import { storeInLzxContainer } from '../../../mocks/exchange/lzx-container';
import { fullDetailsParts, writeFullDetails } from '../../../mocks/exchange/oab-details';
import { OabFormatError, readFullDetails, unpackLzxContainer } from './oab-decoder';

const recipients = recipientsFromJson(
  JSON.stringify([
    {
      dn: 'CN=Jed Hill,OU=External Contacts,DC=xyz,DC=corp',
      attributes: {
        objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
        displayName: ['Jed Hill'],
        givenName: ['Jed'],
        sn: ['Hill'],
        mailNickname: ['jed.hill'],
        targetAddress: ['SMTP:jed.hill@fabrikam.example'],
        'msRTCSIP-PrimaryUserAddress': ['sip:jed.hill@fabrikam.example'],
      },
    },
    ...Array.from({ length: 300 }, (_, i) => ({
      dn: `CN=User ${i},OU=Users,DC=xyz,DC=corp`,
      attributes: { objectClass: ['user'], displayName: [`Üser ${i}`], mail: [`u${i}@xyz.corp`] },
    })),
  ]),
);

test('the client reads back what the mock wrote, across several stored blocks', () => {
  const details = writeFullDetails({ name: '\\Global Address List', dn: '/', sequence: 7 }, recipients);
  const file = storeInLzxContainer(details, 4096);
  const unpacked = unpackLzxContainer(file);
  assert.deepEqual(unpacked, details);
  const read = readFullDetails(unpacked);
  assert.equal(read.serial, 7);
  assert.equal(read.records.length, 301);
  const jed = read.records[0];
  assert.equal(jed.displayName, 'Jed Hill');
  assert.equal(jed.smtpAddress, 'jed.hill@fabrikam.example');
  assert.equal(jed.targetAddress, 'SMTP:jed.hill@fabrikam.example');
  assert.deepEqual(jed.proxyAddresses, ['SMTP:jed.hill@fabrikam.example', 'SIP:jed.hill@fabrikam.example']);
  assert.equal(read.records[300].displayName, 'Üser 299');
  assert.equal(read.header.get(0x68010003), 7);
});

test('broken files are refused with the reason, never half-read', () => {
  const file = storeInLzxContainer(writeFullDetails({ name: 'x', dn: '/', sequence: 1 }, recipients), 4096);
  assert.throws(() => unpackLzxContainer(file.subarray(0, 100)), OabFormatError);
  const compressed = Buffer.from(file);
  compressed.writeUInt32LE(1, 16);
  assert.throws(() => unpackLzxContainer(compressed), /LZX-compressed blocks/);
  assert.throws(() => readFullDetails(Buffer.from([0x17, 0, 0, 0])), /not an OAB v4 details file/);
});

test('a container written from parts equals one written from the joined file (blocks span the parts)', () => {
  const header = { name: 'x', dn: '/', sequence: 3 };
  const joined = storeInLzxContainer(writeFullDetails(header, recipients), 1000);
  assert.deepEqual(storeInLzxContainer(fullDetailsParts(header, recipients), 1000), joined);
});
