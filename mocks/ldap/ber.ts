/**
 * The few BER encodings the mock DC answers with (RFC 4511): search result entries and LDAPResult
 * messages with optional controls (search result entries: entry-writer.ts).
 */
import { headerSize, tlv, writeHeader } from '../../src/asn1/tlv';

export function octets(value: string | Uint8Array, tag = 0x04): Buffer {
  return tlv(tag, typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value));
}

export function integer(value: number, tag = 0x02): Buffer {
  if (value >= 0 && value < 0x80) return Buffer.from([tag, 1, value]);
  const bytes: number[] = [];
  let v = value;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return tlv(tag, Buffer.from(bytes));
}

export function sequence(parts: Buffer[], tag = 0x30): Buffer {
  return tlv(tag, Buffer.concat(parts));
}

/** One PartialAttribute: `SEQUENCE { type, SET OF value }`. */
export function attribute(name: string, values: Array<string | Uint8Array>): Buffer {
  return sequence([
    octets(name),
    sequence(
      values.map((v) => octets(v)),
      0x31,
    ),
  ]);
}

export interface Control {
  oid: string;
  value?: Buffer;
}

/** Protocol-op tags of the responses an LDAPResult is sent under. */
export const RESPONSE = {
  bind: 0x61,
  search: 0x65,
  modify: 0x67,
  add: 0x69,
  delete: 0x6b,
  modifyDn: 0x6d,
  compare: 0x6f,
  extended: 0x78,
} as const;

/** An LDAPResult message (resultCode, matchedDN, diagnosticMessage) with optional response controls. */
export function result(
  messageId: number,
  op: number,
  code: number,
  message = '',
  matchedDn = '',
  controls: Control[] = [],
): Buffer {
  if (message === '' && matchedDn === '' && controls.length === 0) return plainResult(messageId, op, code);
  const id = integer(messageId);
  const dn = Buffer.from(matchedDn, 'utf8');
  const text = Buffer.from(message, 'utf8');
  const bodyLength = 3 + headerSize(dn.length) + dn.length + headerSize(text.length) + text.length;
  const extra = controls.length
    ? sequence(
        controls.map((c) => sequence([octets(c.oid), ...(c.value ? [octets(c.value)] : [])])),
        0xa0,
      )
    : undefined;
  const messageLength = id.length + headerSize(bodyLength) + bodyLength + (extra?.length ?? 0);
  const buf = Buffer.allocUnsafe(headerSize(messageLength) + messageLength);
  let at = writeHeader(buf, 0, 0x30, messageLength);
  at += id.copy(buf, at);
  at = writeHeader(buf, at, op, bodyLength);
  buf[at++] = 0x0a;
  buf[at++] = 1;
  buf[at++] = code;
  at = writeHeader(buf, at, 0x04, dn.length);
  at += dn.copy(buf, at);
  at = writeHeader(buf, at, 0x04, text.length);
  at += text.copy(buf, at);
  if (extra) extra.copy(buf, at);
  return buf;
}

/** An LDAPResult's protocolOp alone (a search's SearchResultDone, put into its message by searchAnswer). */
export function resultOp(op: number, code: number, message = ''): Buffer {
  return sequence([Buffer.from([0x0a, 1, code]), octets(''), octets(message)], op);
}

/** The common LDAPResult, a code and nothing else, written straight into its buffer (the hot path). */
function plainResult(messageId: number, op: number, code: number): Buffer {
  let idLength = 1;
  while (messageId >= 2 ** (8 * idLength - 1)) idLength++;
  const buf = Buffer.allocUnsafe(13 + idLength);
  buf[0] = 0x30;
  buf[1] = 11 + idLength;
  buf[2] = 0x02;
  buf[3] = idLength;
  for (let i = 0; i < idLength; i++)
    buf[4 + i] = Math.floor(messageId / 2 ** (8 * (idLength - 1 - i))) & 0xff;
  const at = 4 + idLength;
  buf[at] = op;
  buf[at + 1] = 7;
  buf[at + 2] = 0x0a;
  buf[at + 3] = 1;
  buf[at + 4] = code;
  buf[at + 5] = 0x04;
  buf[at + 6] = 0;
  buf[at + 7] = 0x04;
  buf[at + 8] = 0;
  return buf;
}

/** The paged results control value (RFC 2696): `SEQUENCE { size INTEGER, cookie OCTET STRING }`. */
export function pagedValue(size: number, cookie: Buffer): Buffer {
  return sequence([integer(size), octets(cookie)]);
}

export const NOTICE_OF_DISCONNECTION_OID = '1.3.6.1.4.1.1466.20036';

/**
 * A Notice of Disconnection (RFC 4511 §4.4.1): the unsolicited ExtendedResponse (messageID 0,
 * responseName 1.3.6.1.4.1.1466.20036) a server sends before it closes a connection on its own.
 */
export function noticeOfDisconnection(code: number, message: string): Buffer {
  const body = [Buffer.from([0x0a, 1, code]), octets(''), octets(message)];
  return sequence([
    integer(0),
    sequence([...body, octets(NOTICE_OF_DISCONNECTION_OID, 0x8a)], RESPONSE.extended),
  ]);
}
