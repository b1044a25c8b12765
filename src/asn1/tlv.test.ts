import assert from 'node:assert/strict';
import { test } from 'node:test';
import { headerSize, readTlv, tlv, writeHeader } from './tlv';

test('definite lengths in short and long form, read back as written', () => {
  for (const size of [0, 1, 127, 128, 255, 256, 65535, 65536, 70000]) {
    const element = tlv(0x04, Buffer.alloc(size, 7));
    assert.equal(element.length, headerSize(size) + size, `${size} bytes`);
    const read = readTlv(element, 0);
    assert.deepEqual([read.tag, read.end - read.contentStart, read.end], [0x04, size, element.length]);
  }
  assert.deepEqual([...tlv(0x30, Buffer.from([1]), Buffer.from([2, 3]))], [0x30, 3, 1, 2, 3]);
  assert.deepEqual([...tlv(0x04, Buffer.alloc(200)).subarray(0, 3)], [0x04, 0x81, 200]);
  assert.deepEqual([...tlv(0x04, Buffer.alloc(300)).subarray(0, 4)], [0x04, 0x82, 0x01, 0x2c]);
});

test('writeHeader writes into a buffer what tlv would', () => {
  const buf = Buffer.alloc(8);
  const at = writeHeader(buf, 1, 0x31, 300);
  assert.equal(at, 5);
  assert.deepEqual([...buf.subarray(1, 5)], [0x31, 0x82, 0x01, 0x2c]);
});

test('a length that claims more than the buffer holds is refused, not read past', () => {
  assert.throws(() => readTlv(Buffer.from([0x30, 0x05, 1, 2]), 0), /runs past the end/);
  assert.throws(() => readTlv(Buffer.from([0x30, 0x85, 1, 1, 1, 1, 1]), 0), /bad length/);
  assert.throws(() => readTlv(Buffer.from([0x30, 0x80]), 0), /bad length/, 'the indefinite form');
  assert.throws(() => readTlv(Buffer.from([0x30]), 0), /truncated/);
});
