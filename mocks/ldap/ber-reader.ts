/**
 * A strict, allocation-light BER reader for the requests the mock decodes (RFC 4511). Every element is
 * bounded by the one enclosing it: a length that runs past its parent is a BerError, never a read
 * beyond it, a loop or an allocation of the claimed size.
 */
export class BerError extends Error {}

export class BerReader {
  constructor(
    private readonly buf: Buffer,
    public offset = 0,
    readonly end = buf.length,
  ) {}

  get done(): boolean {
    return this.offset >= this.end;
  }

  /** Whether the next element (if any) has this tag. */
  has(tag: number): boolean {
    return this.offset < this.end && this.buf[this.offset] === tag;
  }

  peekTag(): number {
    if (this.offset >= this.end) throw new BerError('unexpected end of element');
    return this.buf[this.offset];
  }

  /** Reads a tag and its length; returns the tag and leaves the offset at the contents. */
  header(expected?: number): { tag: number; length: number } {
    const tag = this.peekTag();
    if (expected !== undefined && tag !== expected)
      throw new BerError(`expected tag 0x${expected.toString(16)}, found 0x${tag.toString(16)}`);
    this.offset++;
    const length = readLength(this.buf, this, this.end);
    if (this.offset + length > this.end) throw new BerError('element longer than its container');
    return { tag, length };
  }

  /** A reader over the next element's contents; this reader moves past it. */
  child(expected?: number): BerReader {
    const { length } = this.header(expected);
    const child = new BerReader(this.buf, this.offset, this.offset + length);
    this.offset += length;
    return child;
  }

  bytes(expected?: number): Buffer {
    const { length } = this.header(expected);
    const out = this.buf.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  string(expected = 0x04): string {
    return this.bytes(expected).toString('utf8');
  }

  integer(expected = 0x02): number {
    const b = this.bytes(expected);
    if (b.length === 0 || b.length > 6) throw new BerError('integer of unsupported size');
    let v = 0;
    for (const byte of b) v = v * 256 + byte;
    return b[0] & 0x80 ? v - 256 ** b.length : v;
  }

  enumerated(): number {
    return this.integer(0x0a);
  }

  boolean(expected = 0x01): boolean {
    const b = this.bytes(expected);
    return b.length > 0 && b[0] !== 0;
  }

  skip(): void {
    const { length } = this.header();
    this.offset += length;
  }
}

/** Reads a definite length at `at.offset` (advancing it); indefinite or > 4-byte lengths are refused. */
export function readLength(buf: Buffer, at: { offset: number }, end: number): number {
  if (at.offset >= end) throw new BerError('missing length');
  const first = buf[at.offset++];
  if (first < 0x80) return first;
  const count = first & 0x7f;
  if (count === 0 || count > 4) throw new BerError('unsupported length form');
  if (at.offset + count > end) throw new BerError('truncated length');
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + buf[at.offset++];
  return length;
}
