import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import type { FindingEntry } from './finding-types';

const CHUNK = 1 << 20;
const NEWLINE = 0x0a;

/** Where a finding is in its evidence file: a line's byte offset and length, or an array index. */
export interface FindingAt {
  entry: FindingEntry;
  at: number;
  length: number;
}

/**
 * A tenant check's evidence file, read without holding it: written one finding per line inside a
 * JSON array (`[`, `{...},`, ..., `]`), it is scanned a chunk at a time and a finding read back by its
 * line's position. A file of an older run (the whole array on one line) is parsed whole instead.
 */
export class FindingsEvidenceFile {
  private readonly lineMode: boolean;
  private legacy?: FindingEntry[];
  private fd?: number;
  private buffer = Buffer.alloc(0);
  private window = Buffer.alloc(0);
  private windowStart = 0;

  constructor(readonly path: string) {
    const fd = openSync(path, 'r');
    const head = Buffer.alloc(2);
    const n = readSync(fd, head, 0, 2, 0);
    closeSync(fd);
    this.lineMode = n === 2 && head[0] === 0x5b && head[1] === NEWLINE;
  }

  /** Every finding in file order. */
  *scan(): Generator<FindingAt> {
    if (!this.lineMode) {
      const list = this.legacyList();
      for (const [at, entry] of list.entries()) yield { entry, at, length: 0 };
      return;
    }
    const fd = openSync(this.path, 'r');
    try {
      let rest = Buffer.alloc(0);
      let restAt = 0;
      const chunk = Buffer.alloc(CHUNK);
      for (;;) {
        const n = readSync(fd, chunk, 0, CHUNK, null);
        if (n === 0) break;
        const data = rest.length ? Buffer.concat([rest, chunk.subarray(0, n)]) : chunk.subarray(0, n);
        let start = 0;
        for (let nl = data.indexOf(NEWLINE); nl >= 0; nl = data.indexOf(NEWLINE, start)) {
          const found = lineAt(data, start, nl, restAt + start);
          if (found) yield found;
          start = nl + 1;
        }
        restAt += start;
        rest = Buffer.from(data.subarray(start));
      }
      const last = lineAt(rest, 0, rest.length, restAt);
      if (last) yield last;
    } finally {
      closeSync(fd);
    }
  }

  /** The finding at a position `scan` gave. */
  read(at: number, length: number): FindingEntry {
    if (!this.lineMode) return this.legacyList()[at];
    if (at < this.windowStart || at + length > this.windowStart + this.window.length) this.load(at, length);
    const from = at - this.windowStart;
    return JSON.parse(this.window.toString('utf8', from, from + length)) as FindingEntry;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.buffer = Buffer.alloc(0);
    this.window = this.buffer;
    this.legacy = undefined;
  }

  /** Reads ahead from `at`: the findings of one object are read in file order, mostly forward. */
  private load(at: number, length: number): void {
    this.fd ??= openSync(this.path, 'r');
    const size = Math.max(CHUNK, length);
    if (this.buffer.length < size) this.buffer = Buffer.alloc(size);
    const n = readSync(this.fd, this.buffer, 0, size, at);
    this.window = this.buffer.subarray(0, n);
    this.windowStart = at;
  }

  private legacyList(): FindingEntry[] {
    this.legacy ??= JSON.parse(readFileSync(this.path, 'utf8')) as FindingEntry[];
    return this.legacy;
  }
}

/** A finding's line (`{...}` with or without its trailing comma); the array's brackets are no finding. */
function lineAt(data: Buffer, start: number, end: number, at: number): FindingAt | undefined {
  let stop = end;
  if (stop > start && data[stop - 1] === 0x2c) stop--;
  if (stop - start < 2 || data[start] !== 0x7b) return undefined;
  const entry = JSON.parse(data.toString('utf8', start, stop)) as FindingEntry;
  return { entry, at, length: stop - start };
}
