/**
 * Reads the elements of an Exchange data load one at a time as its bytes arrive: `[ {...}, ... ]` or
 * `{ "entries": [ {...}, ... ], "password": "..." }`. Each element is parsed alone and handed to
 * `visit`, so a load of 100,000 objects never holds the document whole, as text or as objects.
 * What lies outside the entries array (the password, other keys) is kept and parsed once at the end.
 * A document it does not follow (malformed JSON included) is NOT_FOLLOWED, thrown once known.
 */
export const NOT_FOLLOWED = Symbol('not followed');

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const ENTRIES_KEY = /"entries"\s*:\s*$/;

export class EntryStream {
  /** Bytes outside the entries array, and the element being read, as pieces of what was received. */
  private readonly outer: Buffer[] = [];
  private element: Buffer[] = [];
  private elementBytes = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private wrapped = false;
  /** The depth of the entries array's own level while inside it; -1 before it opens, -2 after it closed. */
  private arrayDepth = -1;
  private index = 0;

  constructor(private readonly visit: (item: unknown, index: number) => void) {}

  /** Takes the next received bytes; throws NOT_FOLLOWED as soon as the document leaves the shapes followed. */
  take(bytes: Buffer): void {
    let from = 0;
    const inside = () => this.arrayDepth >= 0;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        continue;
      }
      if (!this.started) {
        if (isSpace(c)) continue;
        if (c !== OPEN_ARRAY && c !== OPEN_OBJECT) throw NOT_FOLLOWED;
        this.started = true;
        this.wrapped = c === OPEN_OBJECT;
      }
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
        if (c === OPEN_ARRAY && this.opensEntries(bytes, from, i)) {
          this.outer.push(bytes.subarray(from, i + 1));
          from = i + 1;
          this.arrayDepth = this.depth + 1;
        }
        this.depth++;
      } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
        this.depth--;
        if (this.depth < 0) throw NOT_FOLLOWED;
        if (inside() && this.depth < this.arrayDepth) {
          this.endElement(bytes.subarray(from, i), true);
          from = i;
          this.arrayDepth = -2;
        }
      } else if (c === COMMA && inside() && this.depth === this.arrayDepth) {
        this.endElement(bytes.subarray(from, i), false);
        from = i + 1;
      }
    }
    const rest = bytes.subarray(from);
    if (inside()) this.addToElement(rest);
    else this.outer.push(rest);
  }

  /** The document's end: what lies outside the entries array, parsed (the password); NOT_FOLLOWED if incomplete. */
  finish(): { password?: unknown } {
    if (this.arrayDepth !== -2 || this.depth !== 0 || this.inString) throw NOT_FOLLOWED;
    const outside = parsed(Buffer.concat(this.outer).toString('utf8')) as {
      entries?: unknown;
      password?: unknown;
    };
    if (!this.wrapped) return {};
    // The entries array read is the one the whole-body parse would take (the last `entries` key's).
    if (!Array.isArray(outside.entries)) throw NOT_FOLLOWED;
    const password = outside.password;
    return password === undefined ? {} : { password };
  }

  /** Whether the `[` at `at` opens the entries array: the document's own, or the value of its one `entries` key. */
  private opensEntries(bytes: Buffer, from: number, at: number): boolean {
    if (!this.wrapped) return this.depth === 0;
    if (this.depth !== 1) return false;
    const before = Buffer.concat([...this.outer, bytes.subarray(from, at)]).toString('utf8');
    if (!ENTRIES_KEY.test(before)) return false;
    if (this.arrayDepth === -2) throw NOT_FOLLOWED; // a second entries key: left to the whole-body parse
    return true;
  }

  private addToElement(piece: Buffer): void {
    if (piece.length === 0) return;
    this.element.push(piece);
    this.elementBytes += piece.length;
  }

  /** An element ended (at a comma, or at the array's end, where an empty array has none). */
  private endElement(last: Buffer, atEnd: boolean): void {
    this.addToElement(last);
    const text = Buffer.concat(this.element, this.elementBytes).toString('utf8');
    this.element = [];
    this.elementBytes = 0;
    if (atEnd && this.index === 0 && text.trim() === '') return;
    this.visit(parsed(text), this.index++);
  }
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw NOT_FOLLOWED;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
