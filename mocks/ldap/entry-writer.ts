import { headerSize, writeHeader } from '../../src/asn1/tlv';
import type { AttributeValue } from '../../src/tenant/entry';

export interface PartialAttribute {
  name: string;
  values: readonly AttributeValue[];
}

/**
 * Writes a whole SearchResultEntry message (RFC 4511 §4.5.2) into one buffer: the lengths are worked
 * out first, then every string is written in place. No intermediate buffers: at 100,000 objects the
 * garbage of many small Buffer views costs more than the encoding.
 */
export function encodeSearchEntry(
  messageId: number,
  dn: string,
  attributes: readonly PartialAttribute[],
): { message: Buffer; op: Buffer } {
  const sizes: number[] = [];
  let attrsLength = 0;
  for (const a of attributes) {
    let valuesLength = 0;
    for (const v of a.values) valuesLength += tlvSize(byteLength(v));
    const content = tlvSize(Buffer.byteLength(a.name)) + headerSize(valuesLength) + valuesLength;
    sizes.push(valuesLength, content);
    attrsLength += headerSize(content) + content;
  }
  const dnLength = Buffer.byteLength(dn);
  const opLength = tlvSize(dnLength) + headerSize(attrsLength) + attrsLength;
  const idLength = integerLength(messageId);
  const messageLength = 2 + idLength + headerSize(opLength) + opLength;
  const buf = Buffer.allocUnsafe(headerSize(messageLength) + messageLength);
  let at = writeHeader(buf, 0, 0x30, messageLength);
  at = writeInteger(buf, at, messageId, idLength);
  const opStart = at;
  at = writeHeader(buf, at, 0x64, opLength);
  at = writeText(buf, at, dn, dnLength);
  at = writeHeader(buf, at, 0x30, attrsLength);
  attributes.forEach((a, i) => {
    at = writeHeader(buf, at, 0x30, sizes[2 * i + 1]);
    at = writeText(buf, at, a.name, Buffer.byteLength(a.name));
    at = writeHeader(buf, at, 0x31, sizes[2 * i]);
    for (const v of a.values)
      at = typeof v === 'string' ? writeText(buf, at, v, Buffer.byteLength(v)) : writeBytes(buf, at, v);
  });
  return { message: buf, op: buf.subarray(opStart) };
}

/** An LDAPMessage around an encoded protocolOp: an entry's `[APPLICATION 4]` part (a cached answer), a reference's. */
export function wrapMessage(messageId: number, op: Buffer): Buffer {
  const idLength = integerLength(messageId);
  const buf = Buffer.allocUnsafe(messageSize(idLength, op));
  putMessage(buf, 0, messageId, idLength, op);
  return buf;
}

/**
 * A search's whole answer in one buffer: the messages, all with the search's message ID, around its
 * entries' encoded protocolOps (cached answers included, copied once), its references' and its
 * SearchResultDone's, in that order.
 */
export function searchAnswer(
  messageId: number,
  entries: readonly Buffer[],
  references: readonly Buffer[],
  done: Buffer,
): Buffer {
  const idLength = integerLength(messageId);
  let size = messageSize(idLength, done);
  for (const op of entries) size += messageSize(idLength, op);
  for (const op of references) size += messageSize(idLength, op);
  const buf = Buffer.allocUnsafe(size);
  let at = 0;
  for (const op of entries) at = putMessage(buf, at, messageId, idLength, op);
  for (const op of references) at = putMessage(buf, at, messageId, idLength, op);
  putMessage(buf, at, messageId, idLength, done);
  return buf;
}

function messageSize(idLength: number, op: Buffer): number {
  return headerSize(2 + idLength + op.length) + 2 + idLength + op.length;
}

function putMessage(buf: Buffer, at: number, messageId: number, idLength: number, op: Buffer): number {
  at = writeInteger(buf, writeHeader(buf, at, 0x30, 2 + idLength + op.length), messageId, idLength);
  return at + op.copy(buf, at);
}

function byteLength(v: AttributeValue): number {
  return typeof v === 'string' ? Buffer.byteLength(v) : v.length;
}

function tlvSize(length: number): number {
  return headerSize(length) + length;
}

function writeText(buf: Buffer, at: number, text: string, length: number): number {
  at = writeHeader(buf, at, 0x04, length);
  buf.write(text, at, length, 'utf8');
  return at + length;
}

function writeBytes(buf: Buffer, at: number, bytes: Uint8Array): number {
  at = writeHeader(buf, at, 0x04, bytes.length);
  buf.set(bytes, at);
  return at + bytes.length;
}

function integerLength(value: number): number {
  let n = 1;
  while (value >= 2 ** (8 * n - 1)) n++;
  return n;
}

function writeInteger(buf: Buffer, at: number, value: number, length: number): number {
  buf[at++] = 0x02;
  buf[at++] = length;
  for (let i = length - 1; i >= 0; i--) buf[at++] = Math.floor(value / 2 ** (8 * i)) & 0xff;
  return at;
}
