import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BerError } from './ber-reader';
import { Framer } from './framer';

/** An LDAPMessage-shaped frame: SEQUENCE { INTEGER id, OCTET STRING of `size` bytes }. */
function frame(id: number, size: number): Buffer {
  const body = Buffer.alloc(size, id & 0xff);
  const inner = Buffer.concat([Buffer.from([0x02, 0x01, id, 0x04, 0x84]), u32(size), body]);
  return Buffer.concat([Buffer.from([0x30, 0x84]), u32(inner.length), inner]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function pushAll(framer: Framer, bytes: Buffer, piece: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += piece) out.push(...framer.push(bytes.subarray(at, at + piece)));
  return out;
}

describe('framer: whole LDAPMessages out of a byte stream', () => {
  const stream = Buffer.concat([frame(1, 3), frame(2, 0), frame(3, 5000), frame(4, 70)]);

  it('gives the same frames whatever the stream is cut into', () => {
    const expected = [frame(1, 3), frame(2, 0), frame(3, 5000), frame(4, 70)];
    for (const piece of [1, 2, 3, 7, 1000, 4096, stream.length])
      assert.deepEqual(pushAll(new Framer(), stream, piece), expected, `pieces of ${piece} bytes`);
  });

  it('says when half a frame is waiting', () => {
    const framer = new Framer();
    assert.equal(framer.partial, false);
    assert.deepEqual(framer.push(stream.subarray(0, 4)), []);
    assert.equal(framer.partial, true);
    assert.equal(framer.push(stream.subarray(4, frame(1, 3).length)).length, 1);
    assert.equal(framer.partial, false);
  });

  it('hands on a frame that arrived whole in one chunk without copying it (the search hot path)', () => {
    const chunk = frame(5, 60);
    const [cut] = new Framer().push(chunk);
    assert.equal(cut.buffer, chunk.buffer);
  });

  it('cuts a 1 MB frame sent one byte at a time without copying the backlog again on every byte', () => {
    const big = frame(9, 1024 * 1024);
    const frames = pushAll(new Framer(), big, 1);
    assert.equal(frames.length, 1);
    assert.ok(frames[0].equals(big));
  });

  it('refuses a frame over the limit from its header alone, before its bytes arrive', () => {
    const header = Buffer.from([0x30, 0x84, 0x00, 0xa0, 0x00, 0x01]);
    assert.throws(() => new Framer().push(header), /over the limit/);
    assert.throws(() => new Framer().push(Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff])), BerError);
    assert.throws(() => new Framer(100).push(frame(1, 200).subarray(0, 6)), /over the limit of 100/);
  });

  it('refuses what cannot start an LDAPMessage: another tag, an indefinite or a 5-byte length', () => {
    assert.throws(() => new Framer().push(Buffer.from('not ldap')), BerError);
    assert.throws(() => new Framer().push(Buffer.from([0x30, 0x80, 0x02])), BerError);
    assert.throws(() => new Framer().push(Buffer.from([0x30, 0x85, 0, 0, 0, 0, 1])), BerError);
  });
});
