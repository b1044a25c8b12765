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

  /** Reads a tag and its length; returns the length and leaves the offset at the contents. */
  header(expected?: number): number {
    const tag = this.peekTag();
    if (expected !== undefined && tag !== expected)
      throw new BerError(`expected tag 0x${expected.toString(16)}, found 0x${tag.toString(16)}`);
    this.offset++;
    const length = readLength(this.buf, this, this.end);
    if (this.offset + length > this.end) throw new BerError('element longer than its container');
    return length;
  }

  /** A reader over the next element's contents; this reader moves past it. */
  child(expected?: number): BerReader {
    const length = this.header(expected);
    const child = new BerReader(this.buf, this.offset, this.offset + length);
    this.offset += length;
    return child;
  }

  /** The next element's contents as a view of the frame (copy it to keep it past the request). */
  bytes(expected?: number): Buffer {
    const length = this.header(expected);
    const out = this.buf.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  /** The next element's contents as UTF-8 text, decoded in place (no view of the frame in between). */
  string(expected = 0x04): string {
    const length = this.header(expected);
    const start = this.offset;
    this.offset += length;
    return this.buf.toString('utf8', start, start + length);
  }

  /** Whether the next element is this tag with exactly these contents (nothing is consumed). */
  nextEquals(tag: number, contents: Buffer): boolean {
    if (!this.has(tag)) return false;
    const at = { offset: this.offset + 1 };
    const length = readLength(this.buf, at, this.end);
    return (
      length === contents.length &&
      at.offset + length <= this.end &&
      this.buf.compare(contents, 0, length, at.offset, at.offset + length) === 0
    );
  }

  integer(expected = 0x02): number {
    const length = this.header(expected);
    if (length === 0 || length > 6) throw new BerError('integer of unsupported size');
    const buf = this.buf;
    const start = this.offset;
    this.offset += length;
    let v = 0;
    for (let i = start; i < start + length; i++) v = v * 256 + buf[i];
    return buf[start] & 0x80 ? v - 256 ** length : v;
  }

  enumerated(): number {
    return this.integer(0x0a);
  }

  boolean(expected = 0x01): boolean {
    const length = this.header(expected);
    const first = this.buf[this.offset];
    this.offset += length;
    return length > 0 && first !== 0;
  }

  skip(): void {
    // Not `this.offset += this.header()`: that adds to the offset as it was before the header was read.
    const length = this.header();
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
