import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RESPONSE, result } from './ber';

test('a plain LDAPResult (code only) is well-formed BER for message ids of every width', () => {
  for (const id of [0, 1, 127, 128, 255, 256, 32767, 32768, 65535, 8388608, 2147483647])
    for (const code of [0, 4, 49]) {
      const b = result(id, RESPONSE.search, code);
      assert.equal(b[0], 0x30);
      assert.equal(b[1], b.length - 2, `the SEQUENCE length covers the message (id ${id})`);
      assert.equal(b[2], 0x02);
      const n = b[3];
      assert.ok(b[4] < 0x80, 'a positive INTEGER');
      assert.equal(
        b.subarray(4, 4 + n).reduce((v, byte) => v * 256 + byte, 0),
        id,
      );
      assert.ok(n === 1 || b[4] !== 0 || b[5] >= 0x80, 'minimal: no needless leading zero');
      assert.deepEqual([...b.subarray(4 + n)], [RESPONSE.search, 7, 0x0a, 1, code, 0x04, 0, 0x04, 0]);
    }
});
