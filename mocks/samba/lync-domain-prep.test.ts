import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guidText, sidText } from './lync-domain-prep';

describe('Samba domain preparation: SIDs and GUIDs as SDDL writes them', () => {
  it('reads a binary SID: 48-bit big-endian authority, little-endian sub-authorities', () => {
    const sid = Buffer.alloc(8 + 4 * 5);
    sid[0] = 1;
    sid[1] = 5;
    sid.writeUIntBE(5, 2, 6);
    for (const [i, v] of [21, 1_234_567_890, 2, 4_000_000_000, 1104].entries())
      sid.writeUInt32LE(v, 8 + 4 * i);
    assert.equal(sidText(sid), 'S-1-5-21-1234567890-2-4000000000-1104');
  });

  it("reads a binary GUID with its first three fields little-endian (AD's User class)", () => {
    const user = Buffer.from('ba7a96bfe60dd011a28500aa003049e2', 'hex');
    assert.equal(guidText(user), 'bf967aba-0de6-11d0-a285-00aa003049e2');
  });
});
