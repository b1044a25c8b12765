import { BerError } from './ber-reader';

/** The largest LDAPMessage a client may send: AD's MaxReceiveBuffer (10,485,760 bytes). */
export const DEFAULT_MAX_FRAME_BYTES = 10 * 1024 * 1024;

/** Small chunks after the first are copied into a shared tail buffer: a byte-at-a-time sender costs bytes, not objects. */
const SMALL_CHUNK = 1024;
const TAIL_BYTES = 8192;

/**
 * Cuts a TCP byte stream into whole LDAPMessage frames (`SEQUENCE`, definite length). The bytes wait
 * as a list of chunks and each is copied at most once (into the frame that spans it; a frame inside
 * one chunk is a view of it), so a frame arriving in many pieces costs its size, not its size squared.
 * Nothing is allocated from a length before the bytes it claims have arrived.
 */
export class Framer {
  private readonly chunks: Buffer[] = [];
  private first = 0;
  /** Offset of the unread part of chunks[first]. */
  private head = 0;
  private buffered = 0;
  /** Total size of the frame being collected, once its header has arrived. */
  private needed = 0;
  private tail: Buffer | undefined;
  private tailUsed = 0;

  constructor(private readonly maxFrameBytes = DEFAULT_MAX_FRAME_BYTES) {}

  /** Whether part of a frame is waiting for the rest. */
  get partial(): boolean {
    return this.buffered > 0;
  }

  /** The complete frames now available; throws BerError on bytes that cannot start an LDAPMessage. */
  push(chunk: Buffer): Buffer[] {
    if (chunk.length > 0) this.append(chunk);
    const frames: Buffer[] = [];
    for (;;) {
      if (this.needed === 0) this.needed = this.frameSize();
      if (this.needed === 0 || this.buffered < this.needed) return frames;
      frames.push(this.take(this.needed));
      this.needed = 0;
    }
  }

  private append(chunk: Buffer): void {
    const waiting = this.buffered > 0;
    this.buffered += chunk.length;
    // A chunk that starts the backlog is kept as it is: the common case, whole requests in one chunk, copies nothing.
    if (!waiting || chunk.length >= SMALL_CHUNK) {
      this.tail = undefined;
      this.chunks.push(chunk);
      return;
    }
    const tail = this.tail;
    if (tail && this.tailUsed + chunk.length <= tail.length && this.chunks.length > this.first) {
      // The last chunk is a view of the whole tail: widen it over the bytes appended.
      this.tailUsed += chunk.copy(tail, this.tailUsed);
      this.chunks[this.chunks.length - 1] = tail.subarray(0, this.tailUsed);
      return;
    }
    this.tail = Buffer.allocUnsafe(TAIL_BYTES);
    this.tailUsed = chunk.copy(this.tail, 0);
    this.chunks.push(this.tail.subarray(0, this.tailUsed));
  }

  /** The whole frame's size from its header, or 0 while the header is incomplete. */
  private frameSize(): number {
    if (this.buffered < 2) return 0;
    if (this.byteAt(0) !== 0x30) throw new BerError('an LDAPMessage must start with a SEQUENCE');
    const first = this.byteAt(1);
    if (first < 0x80) return 2 + first;
    const count = first & 0x7f;
    if (count === 0 || count > 4) throw new BerError('unsupported length form of an LDAPMessage');
    if (this.buffered < 2 + count) return 0;
    let length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + this.byteAt(2 + i);
    const size = 2 + count + length;
    if (size > this.maxFrameBytes)
      throw new BerError(`an LDAPMessage of ${size} bytes is over the limit of ${this.maxFrameBytes}`);
    return size;
  }

  /** The byte `index` places into the waiting bytes (a header: a few chunks at most). */
  private byteAt(index: number): number {
    let at = this.head + index;
    for (let i = this.first; ; i++) {
      if (at < this.chunks[i].length) return this.chunks[i][at];
      at -= this.chunks[i].length;
    }
  }

  private take(size: number): Buffer {
    const chunk = this.chunks[this.first];
    if (chunk.length - this.head >= size) {
      const frame = chunk.subarray(this.head, this.head + size);
      this.consume(size);
      return frame;
    }
    const frame = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const c = this.chunks[this.first];
      const n = Math.min(c.length - this.head, size - filled);
      c.copy(frame, filled, this.head, this.head + n);
      filled += n;
      this.consume(n);
    }
    return frame;
  }

  private consume(n: number): void {
    this.head += n;
    this.buffered -= n;
    if (this.head < this.chunks[this.first].length) return;
    this.head = 0;
    this.first++;
    if (this.first === this.chunks.length) {
      this.chunks.length = 0;
      this.first = 0;
      this.tail = undefined;
    } else if (this.first > 1024 && this.first * 2 > this.chunks.length) {
      this.chunks.splice(0, this.first);
      this.first = 0;
    }
  }
}
