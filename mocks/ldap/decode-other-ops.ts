import type { BerReader } from './ber-reader';
import type { RequestOf } from './ldap-request';

/** CompareRequest, ExtendedRequest, UnbindRequest and AbandonRequest (RFC 4511 §4.3, §4.10-4.12). */

export function decodeCompare(message: BerReader, messageId: number): RequestOf<'compare'> {
  const op = message.child(0x6e);
  const dn = op.string();
  const ava = op.child(0x30);
  const attribute = ava.string();
  const value = ava.string();
  return { op: 'compare', messageId, dn, attribute, value };
}

export function decodeExtended(message: BerReader, messageId: number): RequestOf<'extended'> {
  const op = message.child(0x77);
  const name = op.string(0x80);
  if (!op.has(0x81)) return { op: 'extended', messageId, name };
  return { op: 'extended', messageId, name, value: Buffer.from(op.bytes(0x81)) };
}

export function decodeUnbind(message: BerReader, messageId: number): RequestOf<'unbind'> {
  message.skip();
  return { op: 'unbind', messageId };
}

export function decodeAbandon(message: BerReader, messageId: number): RequestOf<'abandon'> {
  return { op: 'abandon', messageId, abandonId: message.integer(0x50) };
}
