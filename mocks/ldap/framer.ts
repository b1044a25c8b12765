import { BerError, readLength } from './ber-reader';

/** The largest LDAPMessage a client may send (an oversized length ends the connection at once). */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Cuts a TCP byte stream into whole LDAPMessage frames (`SEQUENCE`, definite length). */
export class Framer {
  private pending: Buffer | undefined;

  /** The complete frames now available; throws BerError on a frame that cannot be an LDAPMessage. */
  push(chunk: Buffer): Buffer[] {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    const frames: Buffer[] = [];
    let offset = 0;
    while (buf.length - offset >= 2) {
      if (buf[offset] !== 0x30) throw new BerError('an LDAPMessage must start with a SEQUENCE');
      const at = { offset: offset + 1 };
      let length: number;
      try {
        length = readLength(buf, at, buf.length);
      } catch (error) {
        if ((error as Error).message === 'truncated length') break;
        throw error;
      }
      if (length > MAX_MESSAGE_BYTES) throw new BerError(`message of ${length} bytes is over the limit`);
      const end = at.offset + length;
      if (end > buf.length) break;
      frames.push(buf.subarray(offset, end));
      offset = end;
    }
    this.pending = offset < buf.length ? Buffer.from(buf.subarray(offset)) : undefined;
    return frames;
  }
}
