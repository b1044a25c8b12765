import { type AttributeValue, BINARY_ATTRIBUTES, type DirectoryEntry } from '../../src/tenant/entry';

export interface LdifdeOptions {
  /** `ldifde -u`: UTF-16LE with a byte-order mark, non-ASCII text written as it is. */
  unicode?: boolean;
}

/** ldifde's lines are at most 80 columns. */
const WIDTH = 80;

/**
 * A file as `ldifde -f` writes it: a blank first line, CRLF, `changetype: add` on every record, base64
 * for binary values and (without -u, in ANSI) for any value outside printable ASCII. A line longer than
 * 80 columns is folded the way ldifde does it: the name alone on the first line (`memberOf: `), the value
 * on continuation lines of one space and at most 79 characters.
 */
export function ldifde(entries: Iterable<DirectoryEntry>, options: LdifdeOptions = {}): Buffer {
  const lines: string[] = [''];
  for (const entry of entries) {
    lines.push(...fold('dn', entry.dn, options), 'changetype: add');
    for (const name of entry.names())
      for (const value of entry.get(name)) lines.push(...fold(name, value, options, binary(name)));
    lines.push('');
  }
  const text = `${lines.join('\r\n')}\r\n`;
  return options.unicode ? Buffer.from(`\uFEFF${text}`, 'utf16le') : Buffer.from(text, 'latin1');
}

function binary(name: string): boolean {
  return BINARY_ATTRIBUTES.has(name.split(';')[0].toLowerCase());
}

function fold(name: string, value: AttributeValue, options: LdifdeOptions, isBinary = false): string[] {
  const plain = typeof value === 'string' && !isBinary && safe(value, options.unicode === true);
  const separator = plain ? ': ' : ':: ';
  const text = plain ? (value as string) : Buffer.from(value).toString('base64');
  const line = `${name}${separator}${text}`;
  if (line.length <= WIDTH) return [line];
  const out = [`${name}${separator}`];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + WIDTH - 1, text.length);
    if (isHighSurrogate(text.charCodeAt(end - 1)) && end < text.length) end--;
    out.push(` ${text.slice(i, end)}`);
    i = end;
  }
  return out;
}

function safe(value: string, unicode: boolean): boolean {
  if (value === '') return true;
  if (/^[ :<]| $/.test(value)) return false;
  return unicode ? !/[\x00-\x1f\x7f]/.test(value) : /^[\x20-\x7e]*$/.test(value);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
