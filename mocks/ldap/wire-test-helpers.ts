import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { integer, octets, sequence } from './ber';
import { BerReader } from './ber-reader';

/** Hand-made frames and a raw socket for the mock DC's protocol-error tests. */

export const NOTICE_OF_DISCONNECTION = '1.3.6.1.4.1.1466.20036';

/** Sends the bytes on a new connection and resolves, with what came back, once the server closes it. */
export function sendUntilClosed(port: number, ...bytes: Buffer[]): Promise<Buffer> {
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => {
      for (const b of bytes) socket.write(b);
    });
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Buffer.concat(received)));
  });
}

/** Asserts the bytes are exactly one Notice of Disconnection with protocolError; returns its text. */
export function assertNotice(bytes: Buffer): string {
  assert.ok(bytes.length > 0, 'a Notice of Disconnection before the close');
  const message = new BerReader(bytes).child(0x30);
  assert.equal(message.end, bytes.length, 'nothing after the notice');
  assert.equal(message.integer(), 0, 'messageID 0');
  const response = message.child(0x78);
  assert.equal(response.enumerated(), 2, 'resultCode protocolError');
  assert.equal(response.string(), '', 'no matchedDN');
  const text = response.string();
  assert.equal(response.string(0x8a), NOTICE_OF_DISCONNECTION);
  return text;
}

/** An LDAPMessage around the protocolOp bytes given. */
export function message(op: Buffer, id = 1): Buffer {
  return sequence([integer(id), op]);
}

/** The protocolOp tag and resultCode of each message the server sent (LDAPResult responses). */
export function responses(bytes: Buffer): Array<{ id: number; op: number; code?: number }> {
  const all = new BerReader(bytes);
  const out: Array<{ id: number; op: number; code?: number }> = [];
  while (!all.done) {
    const m = all.child(0x30);
    const id = m.integer();
    const op = m.peekTag();
    const body = m.child(op);
    // SearchResultEntry and SearchResultReference carry no result code.
    out.push(op === 0x64 || op === 0x73 ? { id, op } : { id, op, code: body.enumerated() });
  }
  return out;
}

/**
 * The AddRequest (68 bytes) that made ldapjs loop for ever: its value claims 127 bytes, its SET holds 5.
 * It is sent before any bind.
 */
export function addWithOverlongValue(): Buffer {
  const set = Buffer.concat([Buffer.from([0x04, 0x7f]), Buffer.from('top')]);
  const attribute = sequence([octets('objectClass'), sequence([set], 0x31)]);
  return message(sequence([octets('CN=xxxxxxxxxxxxxxxxx,DC=abc,DC=corp'), sequence([attribute])], 0x68));
}

/** A ModifyRequest whose replaced value claims more bytes than its SET holds. */
export function modifyWithOverlongValue(): Buffer {
  const set = Buffer.concat([Buffer.from([0x04, 0x7f]), Buffer.from('x')]);
  const change = sequence([integer(2, 0x0a), sequence([octets('info'), sequence([set], 0x31)])]);
  return message(sequence([octets('CN=Anna Berg,OU=Users,DC=abc,DC=corp'), sequence([change])], 0x66));
}

/** A SearchRequest (base DC=abc,DC=corp, subtree) with `depth` levels of and/or/not around (cn=*). */
export function searchNested(depth: number): Buffer {
  let filter = octets('cn', 0x87);
  for (let level = 1; level < depth; level++) filter = sequence([filter], [0xa0, 0xa1, 0xa2][level % 3]);
  const limits = [integer(2, 0x0a), integer(0, 0x0a), integer(0), integer(0), Buffer.from([1, 1, 0])];
  return message(sequence([octets('DC=abc,DC=corp'), ...limits, filter, sequence([])], 0x63));
}
