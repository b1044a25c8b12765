/**
 * The few BER encodings the mock DC answers with (RFC 4511): search result entries and LDAPResult
 * messages with optional controls. Entries are encoded here rather than by ldapjs so that a result set is
 * one buffer and one socket write, and an attribute encoded once can be reused (see entry-codec.ts).
 */

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

export function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function octets(value: string | Uint8Array, tag = 0x04): Buffer {
  return tlv(tag, typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value));
}

export function integer(value: number, tag = 0x02): Buffer {
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

/** A SearchResultEntry message from pre-encoded PartialAttributes. */
export function searchEntry(messageId: number, dn: string, attributes: Buffer[]): Buffer {
  const body = Buffer.concat([octets(dn), sequence(attributes)]);
  return sequence([integer(messageId), tlv(0x64, body)]);
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
  const body = Buffer.concat([integer(code, 0x0a), octets(matchedDn), octets(message)]);
  const parts = [integer(messageId), tlv(op, body)];
  if (controls.length) {
    const encoded = controls.map((c) => sequence([octets(c.oid), ...(c.value ? [octets(c.value)] : [])]));
    parts.push(sequence(encoded, 0xa0));
  }
  return sequence(parts);
}

/** The paged results control value (RFC 2696): `SEQUENCE { size INTEGER, cookie OCTET STRING }`. */
export function pagedValue(size: number, cookie: Buffer): Buffer {
  return sequence([integer(size), octets(cookie)]);
}
