import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DirectoryEntry } from './entry';
import { packValues, unpackAll, unpackSlot } from './packed-values';

const guid = Uint8Array.from({ length: 16 }, (_, i) => (i * 37 + 200) & 0xff);
const slots = [
  ['top', 'person', 'organizationalPerson', 'user'],
  'Åsa Öberg',
  '王小明',
  guid,
  'x'.repeat(300),
  'y'.repeat(100),
  [''],
  ['SMTP:asa.oberg@abc.corp', 'smtp:asa@abc.mail.onmicrosoft.com', 'sip:🎉@abc.corp'],
];

describe('packed values: every value of an object in one string', () => {
  it('gives back each attribute as it was: texts of any script, bytes, values of 100 and 300 characters, an empty one', () => {
    const packed = packValues(slots);
    const expected = slots.map((s) => (Array.isArray(s) ? s : [s]));
    assert.deepEqual(unpackAll(packed, slots.length), expected);
    for (const [i, values] of expected.entries()) assert.deepEqual(unpackSlot(packed, i), values);
  });

  it('a packed entry reads, changes, clones and prints as the open one does', () => {
    const open = () =>
      new DirectoryEntry('CN=Åsa Öberg,OU=Users,DC=abc,DC=corp', {
        objectClass: ['top', 'user'],
        displayName: 'Åsa Öberg',
        objectGUID: guid,
        proxyAddresses: ['SMTP:asa.oberg@abc.corp', 'sip:asa.oberg@abc.corp'],
      });
    const packed = open().pack();
    assert.deepEqual(packed.toJSON(), open().toJSON());
    assert.deepEqual(packed.get('OBJECTGUID'), [guid]);
    assert.equal(packed.first('displayname'), 'Åsa Öberg');
    const copy = packed.clone();
    packed
      .add('proxyAddresses', 'smtp:asa@abc.corp')
      .delete('objectClass', ['user'])
      .set('mail', ['asa@abc.corp']);
    assert.deepEqual(packed.get('proxyAddresses'), [
      'SMTP:asa.oberg@abc.corp',
      'sip:asa.oberg@abc.corp',
      'smtp:asa@abc.corp',
    ]);
    assert.deepEqual(packed.get('objectClass'), ['top']);
    assert.deepEqual(packed.names(), ['objectClass', 'displayName', 'objectGUID', 'proxyAddresses', 'mail']);
    assert.deepEqual(copy.toJSON(), open().toJSON(), 'the clone kept its own values');
  });
});
