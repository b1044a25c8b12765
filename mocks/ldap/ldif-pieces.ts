/**
 * An LDIF document cut into pieces of whole records, each with the line it starts on: from text
 * (`chunks`) or from bytes as they arrive (`PieceCutter`), so a load never holds a document whole.
 */

/** A piece of an LDIF document and the line it starts on. */
export interface Chunk {
  text: string;
  firstLine: number;
}

/** Splits LDIF text at blank lines into pieces of about `records` records, with each piece's first line number. */
export function* chunks(text: string, records: number): Generator<Chunk> {
  let start = 0;
  let line = 1;
  while (start < text.length) {
    let end = start;
    for (let n = 0; n < records && end < text.length; n++) {
      const gap = text.indexOf('\n\n', end);
      end = gap < 0 ? text.length : gap + 2;
    }
    const piece = text.slice(start, end);
    yield { text: piece, firstLine: line };
    for (let i = 0; i < piece.length; i++) if (piece.charCodeAt(i) === 10) line++;
    start = end;
  }
}

/** The number of line feeds in these bytes. */
export function countLines(bytes: Buffer): number {
  let lines = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lines++;
  return lines;
}

/** Cuts received bytes after blank lines into pieces of at least PIECE_BYTES (the rest waits for more). */
export class PieceCutter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes to wait for before looking again (a record longer than a piece is not searched over and over). */
  private wanted = PIECE_BYTES;

  *cut(received: Buffer): Generator<Buffer> {
    this.pending.push(received);
    this.pendingBytes += received.length;
    if (this.pendingBytes < this.wanted) return;
    const joined = Buffer.concat(this.pending, this.pendingBytes);
    const end = afterLastBlankLine(joined);
    if (end < 0) {
      this.pending = [joined];
      this.wanted = joined.length * 2;
      return;
    }
    this.pending = end < joined.length ? [Buffer.from(joined.subarray(end))] : [];
    this.pendingBytes = joined.length - end;
    this.wanted = PIECE_BYTES;
    yield joined.subarray(0, end);
  }

  rest(): Buffer {
    return Buffer.concat(this.drainPending());
  }

  drainPending(): Buffer[] {
    const pending = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    return pending;
  }
}

/** The offset just after the last blank line (LF or CRLF), or -1 when there is none. */
function afterLastBlankLine(bytes: Buffer): number {
  const lf = bytes.lastIndexOf(BLANK_LINE);
  const crlf = bytes.lastIndexOf(BLANK_CRLF_LINE);
  return Math.max(lf < 0 ? -1 : lf + 2, crlf < 0 ? -1 : crlf + 3);
}

const BLANK_LINE = Buffer.from('\n\n');
const BLANK_CRLF_LINE = Buffer.from('\n\r\n');

/** About 500 records of a typical export. */
const PIECE_BYTES = 256 * 1024;
