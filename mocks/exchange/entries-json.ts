/**
 * Reads the elements of an Exchange data load one at a time from its bytes: `[ {...}, ... ]` or
 * `{ "entries": [ {...}, ... ], "password": "..." }`. Each element is parsed alone and handed to
 * `visit`, so a load of 100,000 objects never holds the whole document as text or as objects.
 * Returns undefined when the bytes are not in a shape it follows (malformed JSON included): the caller
 * then parses the whole body, which names the problem.
 */
export function scanEntries(
  bytes: Buffer,
  visit: (item: unknown, index: number) => void,
): { password?: unknown } | undefined {
  // An element the caller refuses is reported only once the whole body is known to be JSON, as a
  // whole-body parse would find a syntax error first.
  let refused: { error: unknown } | undefined;
  const guarded = (item: unknown, index: number) => {
    if (refused) return;
    try {
      visit(item, index);
    } catch (error) {
      refused = { error };
    }
  };
  try {
    const scanner = new Scanner(bytes);
    const found = scanner.document(guarded);
    if (!scanner.atEnd()) return undefined;
    if (refused) throw refused.error;
    return found;
  } catch (error) {
    if (error === NOT_FOLLOWED) return undefined;
    throw error;
  }
}

const NOT_FOLLOWED = Symbol('not followed');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

class Scanner {
  private at = 0;

  constructor(private readonly bytes: Buffer) {}

  document(visit: (item: unknown, index: number) => void): { password?: unknown } {
    const first = this.peek();
    if (first === 0x5b) {
      this.elements(visit);
      return {};
    }
    if (first !== 0x7b) throw NOT_FOLLOWED;
    this.at++;
    const found: { password?: unknown } = {};
    let sawEntries = false;
    if (this.peek() === 0x7d) throw NOT_FOLLOWED; // no entries: left to the whole-body parse
    for (;;) {
      const key = this.parse(this.stringEnd());
      if (this.peek() !== 0x3a) throw NOT_FOLLOWED;
      this.at++;
      if (key === 'entries' && !sawEntries && this.peek() === 0x5b) {
        sawEntries = true;
        this.elements(visit);
      } else if (key === 'entries') throw NOT_FOLLOWED;
      else {
        const value = this.parse(this.valueEnd());
        if (key === 'password') found.password = value;
      }
      const next = this.peek();
      this.at++;
      if (next === 0x7d) break;
      if (next !== 0x2c) throw NOT_FOLLOWED;
    }
    if (!sawEntries) throw NOT_FOLLOWED;
    return found;
  }

  atEnd(): boolean {
    return this.peekOrEnd() === undefined;
  }

  private elements(visit: (item: unknown, index: number) => void): void {
    this.at++; // [
    if (this.peek() === 0x5d) {
      this.at++;
      return;
    }
    for (let index = 0; ; index++) {
      visit(this.parse(this.valueEnd()), index);
      const next = this.peek();
      this.at++;
      if (next === 0x5d) return;
      if (next !== 0x2c) throw NOT_FOLLOWED;
    }
  }

  /** JSON.parse of the bytes from the current position to `end`, which becomes the position. */
  private parse(end: number): unknown {
    const text = this.bytes.toString('utf8', this.at, end);
    this.at = end;
    try {
      return JSON.parse(text);
    } catch {
      throw NOT_FOLLOWED;
    }
  }

  /** Where the value starting here ends: a string, an object or array (brackets counted), or a literal. */
  private valueEnd(): number {
    const b = this.bytes;
    const c = this.peek();
    if (c === QUOTE) return this.stringEnd();
    let i = this.at;
    if (c === 0x7b || c === 0x5b) {
      let depth = 0;
      for (; i < b.length; i++) {
        const x = b[i];
        if (x === QUOTE) i = skipString(b, i) - 1;
        else if (x === 0x7b || x === 0x5b) depth++;
        else if ((x === 0x7d || x === 0x5d) && --depth === 0) return i + 1;
      }
      throw NOT_FOLLOWED;
    }
    while (i < b.length && !isDelimiter(b[i])) i++;
    return i;
  }

  private stringEnd(): number {
    if (this.peek() !== QUOTE) throw NOT_FOLLOWED;
    return skipString(this.bytes, this.at);
  }

  /** The next byte that is not white space (the position moves to it). */
  private peek(): number {
    const c = this.peekOrEnd();
    if (c === undefined) throw NOT_FOLLOWED;
    return c;
  }

  private peekOrEnd(): number | undefined {
    const b = this.bytes;
    while (this.at < b.length && isSpace(b[this.at])) this.at++;
    return this.at < b.length ? b[this.at] : undefined;
  }
}

/** The position after the string whose opening quote is at `start`. */
function skipString(b: Buffer, start: number): number {
  for (let i = start + 1; i < b.length; i++) {
    if (b[i] === BACKSLASH) i++;
    else if (b[i] === QUOTE) return i + 1;
  }
  throw NOT_FOLLOWED;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isDelimiter(c: number): boolean {
  return c === 0x2c || c === 0x7d || c === 0x5d || isSpace(c);
}
