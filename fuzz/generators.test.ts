import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TOKEN_PLACEHOLDER, withToken } from './admin-inputs';
import { mutateTree } from './ber-mutator';
import { encode, int, seq, str } from './ber-writer';
import { inputAt } from './campaign';
import { SESSION_BIND } from './ldap-inputs';
import { PROTOCOLS } from './protocols';
import { Rng } from './random';
import { clientHello, writeVec } from './tls-hello';

test('every protocol rebuilds input N of a seed byte for byte, and another seed gives other inputs', () => {
  for (const protocol of Object.values(PROTOCOLS)) {
    const one = [0, 1, 499].map((i) => inputAt(protocol, 7, i).input.bytes);
    const again = [0, 1, 499].map((i) => inputAt(protocol, 7, i).input.bytes);
    const other = [0, 1, 499].map((i) => inputAt(protocol, 8, i).input.bytes);
    assert.deepEqual(one, again, protocol.name);
    assert.notDeepEqual(one, other, protocol.name);
  }
});

test('the BER writer: the session bind is the simple bind ldapsearch sends', () => {
  assert.equal(SESSION_BIND.subarray(0, 7).toString('hex'), '303d0201016038');
  assert.equal(SESSION_BIND[1], SESSION_BIND.length - 2);
  assert.equal(encode(seq(int(-1), int(128), str(''))).toString('hex'), '30090201ff020200800400');
});

test('a length that overruns its parent lies inside a frame whose own length is true', () => {
  const rng = new Rng(3);
  for (let i = 0; i < 200; i++) {
    const message = seq(int(5), {
      tag: 0x68,
      children: [str('CN=x'), seq(seq(str('cn'), { tag: 0x31, children: [str('v')] }))],
    });
    const { tree, mutation } = mutateTree(rng, message);
    const bytes = encode(tree);
    if (mutation !== 'length-overruns-parent' || bytes[1] & 0x80) continue;
    assert.equal(bytes[1], bytes.length - 2, 'the outer length counts the bytes sent');
  }
});

test('an unmutated ClientHello is one well-formed handshake record', () => {
  const bytes = writeVec(clientHello(new Rng(1), 'edge01.abc.corp'));
  assert.equal(bytes[0], 0x16);
  assert.equal(bytes.readUInt16BE(3), bytes.length - 5);
  assert.equal(bytes[5], 0x01);
  assert.equal(bytes.readUIntBE(6, 3), bytes.length - 9);
});

test('the admin token placeholder is replaced by the token wherever it appears', () => {
  const bytes = Buffer.from(`a ${TOKEN_PLACEHOLDER} b ${TOKEN_PLACEHOLDER}`);
  assert.equal(withToken(bytes, 's3cret').toString(), 'a s3cret b s3cret');
});
