/**
 * Tag-length-value elements with definite lengths (X.690 §8.1): what BER and DER share, and all the
 * LDAP mock, the PKI and the Edge need of them. Tags are single-byte (low tag numbers).
 */

/** One element: `tag`, the definite length of the parts, the parts. */
export function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const content = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  const header = Buffer.allocUnsafe(headerSize(content.length));
  writeHeader(header, 0, tag, content.length);
  return Buffer.concat([header, content]);
}

/** Bytes a tag and a definite length take (lengths below 2^32). */
export function headerSize(length: number): number {
  return length < 0x80 ? 2 : length < 0x100 ? 3 : length < 0x10000 ? 4 : length < 0x1000000 ? 5 : 6;
}

/** Writes a tag and a definite length at `at`; returns where the content starts. */
export function writeHeader(buf: Buffer, at: number, tag: number, length: number): number {
  buf[at++] = tag;
  if (length < 0x80) {
    buf[at++] = length;
    return at;
  }
  const count = headerSize(length) - 2;
  buf[at++] = 0x80 | count;
  for (let i = count - 1; i >= 0; i--) buf[at++] = (length >>> (8 * i)) & 0xff;
  return at;
}

/** Where one element sits in a buffer. */
export interface Tlv {
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

/**
 * Reads the element at `offset`, its length bounded by the buffer (and by `maxLengthBytes` length
 * octets): a length that claims more than is there is an error, never a read past the end.
 */
export function readTlv(buf: Buffer, offset: number, maxLengthBytes = 4): Tlv {
  if (offset + 2 > buf.length) throw new Error('[tlv] truncated element');
  const tag = buf[offset];
  let length = buf[offset + 1];
  let header = 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes < 1 || bytes > maxLengthBytes || offset + 2 + bytes > buf.length)
      throw new Error('[tlv] bad length');
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + buf[offset + 2 + i];
    header += bytes;
  }
  const end = offset + header + length;
  if (end > buf.length) throw new Error('[tlv] element runs past the end');
  return { tag, start: offset, contentStart: offset + header, end };
}
