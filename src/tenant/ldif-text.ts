import { isUtf8 } from 'node:buffer';
import { LdifError } from './ldif-error';

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The text of an LDIF export from its bytes: UTF-8 with or without a byte-order mark, UTF-16LE with
 * one (`ldifde -u`), UTF-16BE with one, and UTF-16 without one when the file starts with ASCII
 * characters stored as two bytes (every LDIF file starts with `dn:`, `version:`, `#` or a line break,
 * and UTF-8 text never holds a NUL byte). The mark is dropped. Anything that does not decode is an
 * LdifError naming the physical line of the first bad byte; nothing is replaced with U+FFFD.
 */
export function decodeLdifFile(bytes: Uint8Array, file: string): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { encoding, skip } = detect(buffer);
  const text = encoding === 'utf-8' ? utf8(buffer, skip, file) : utf16(buffer, skip, encoding, file);
  const nul = text.indexOf('\0');
  if (nul >= 0)
    throw new LdifError(
      file,
      lineAt(text, nul),
      'the file holds a NUL character, which LDIF text never does: is it an LDIF export (ldifde -f, ldapsearch -LLL)?',
    );
  return text;
}

function detect(b: Buffer): { encoding: Encoding; skip: number } {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (asciiPairs(b, 1)) return { encoding: 'utf-16le', skip: 0 };
  if (asciiPairs(b, 0)) return { encoding: 'utf-16be', skip: 0 };
  return { encoding: 'utf-8', skip: 0 };
}

/** The first (up to) eight two-byte units are ASCII: a zero byte at `zero`, a non-zero ASCII byte beside it. */
function asciiPairs(b: Buffer, zero: 0 | 1): boolean {
  const units = Math.min(8, b.length >> 1);
  if (units < 2) return false;
  for (let i = 0; i < units; i++) {
    const low = b[2 * i + 1 - zero];
    if (b[2 * i + zero] !== 0 || low === 0 || low > 0x7f) return false;
  }
  return true;
}

function utf8(b: Buffer, skip: number, file: string): string {
  let body = b.subarray(skip);
  if (isUtf8(body)) return body.toString('utf8');
  body = mendFoldedCharacters(body);
  if (isUtf8(body)) return body.toString('utf8');
  const at = firstInvalidUtf8(body);
  const line = countLineFeeds(body, at) + 1;
  throw new LdifError(
    file,
    line,
    `the file is not valid UTF-8 (byte 0x${hex(body[at])} after "${lineBefore(body, at)}"): ` +
      'it was probably saved in a Windows code page; save it as UTF-8, or export again with ldifde, ' +
      'which writes non-ASCII values in base64 (or ldifde -u for UTF-16)',
  );
}

function utf16(b: Buffer, skip: number, encoding: Encoding, file: string): string {
  const body = b.subarray(skip);
  const whole = body.length - (body.length % 2);
  const units =
    encoding === 'utf-16le' ? body.subarray(0, whole) : Buffer.from(body.subarray(0, whole)).swap16();
  let text = units.toString('utf16le');
  if (whole !== body.length)
    throw new LdifError(
      file,
      lineAt(text, text.length),
      `the file ends in the middle of a ${encoding.toUpperCase()} character (an odd number of bytes after ` +
        'the byte-order mark): it was cut short; export it again',
    );
  if (!wellFormed(text)) text = text.replace(FOLDED_PAIR, '$1$3$2');
  const at = wellFormed(text) ? -1 : text.search(LONE_SURROGATE);
  if (at >= 0) {
    throw new LdifError(
      file,
      lineAt(text, at),
      `the file is not valid ${encoding.toUpperCase()} (unpaired surrogate 0x${text.charCodeAt(at).toString(16).toUpperCase()}` +
        `${skip ? ' after a byte-order mark' : ''}): the file is damaged or is not ${encoding.toUpperCase()}; export it again`,
    );
  }
  // V8 keeps text decoded from UTF-16 at two bytes a character; through UTF-8 it gets one byte a character
  // when every character fits in Latin-1, and reading 100,000 objects then takes about 20% less time.
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** String.prototype.isWellFormed (Node 20) where there is one: no unpaired surrogate. */
function wellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !LONE_SURROGATE.test(text);
}

/**
 * RFC 2849 only says a line SHOULD NOT be folded inside a multi-byte character, and ldapsearch does fold
 * its comment lines by bytes: a character cut by a fold (line break and space) gets its last bytes back
 * before the break, which keeps every line number and gives the same text once unfolded.
 */
function mendFoldedCharacters(original: Buffer): Buffer {
  const b = Buffer.from(original);
  for (let at = firstInvalidUtf8(b); at < b.length; at = firstInvalidUtf8(b, at)) {
    const need = sequenceLength(b[at]);
    let have = 1;
    while (have < need && (b[at + have] & 0xc0) === 0x80) have++;
    const cut = at + have;
    const fold =
      b[cut] === 10 && b[cut + 1] === 32
        ? 2
        : b[cut] === 13 && b[cut + 1] === 10 && b[cut + 2] === 32
          ? 3
          : 0;
    const rest = b.subarray(cut + fold, cut + fold + need - have);
    // Nothing to mend (the sequence is whole but invalid in itself: an overlong form, a surrogate) or
    // nothing that mends it: the caller reports the invalid byte.
    const whole = have === need;
    if (
      need === 0 ||
      whole ||
      fold === 0 ||
      rest.length < need - have ||
      rest.some((c) => (c & 0xc0) !== 0x80)
    )
      break;
    const lineBreak = Buffer.from(b.subarray(cut, cut + fold));
    b.copy(b, cut, cut + fold, cut + fold + rest.length);
    lineBreak.copy(b, cut + rest.length);
  }
  return b;
}

const FOLDED_PAIR = /([\uD800-\uDBFF])(\r?\n )([\uDC00-\uDFFF])/g;

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values past U+10FFFF included). */
function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  for (let i = from; i < b.length; ) {
    const lead = b[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0) return i;
    const min = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const max = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      const next = b[i + k];
      if (next === undefined || next < (k === 1 ? min : 0x80) || next > (k === 1 ? max : 0xbf)) return i;
    }
    i += length;
  }
  return b.length;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function countLineFeeds(b: Uint8Array, end: number): number {
  let count = 0;
  for (let i = b.indexOf(10); i >= 0 && i < end; i = b.indexOf(10, i + 1)) count++;
  return count;
}

/** The 1-based physical line of a character offset (line feeds counted; CRLF is one break). */
export function lineAt(text: string, offset: number): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Up to 30 bytes of the line before a bad byte, for the message (escaped for the terminal). */
function lineBefore(b: Uint8Array, at: number): string {
  let start = at;
  while (start > 0 && b[start - 1] !== 10 && at - start < 30) start--;
  return printable(Buffer.from(b.subarray(start, at)).toString('utf8'));
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

const UNPRINTABLE = /[\x00-\x1F\x7F-\x9F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFD]/g;

/**
 * Text safe to print on a terminal: control characters (C0, DEL, C1), line separators and
 * bidirectional overrides written as `\x07` / `\u202E`, so an error message never moves the cursor,
 * rings the bell or reorders what the user reads.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${hex(code)}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
