import type { AttributeValue, DirectoryEntry } from './entry';

const SAFE = /^[\x01-\x09\x0B-\x0C\x0E-\x1F\x21-\x39\x3B\x3D-\x7F][\x01-\x09\x0B-\x0C\x0E-\x7F]*$/;
const WIDTH = 76;

/** Writes entries as RFC 2849 LDIF: base64 for binary or unsafe values, lines folded at 76 columns. */
export function writeLdif(entries: Iterable<DirectoryEntry>, header = true): string {
  return [...ldifChunks(entries, header)].join('');
}

const CHUNK_CHARS = 1 << 20;

/** The same LDIF in pieces of about a megabyte, made as they are taken (a forest's text is never whole). */
export function* ldifChunks(entries: Iterable<DirectoryEntry>, header = true): Generator<string> {
  let chunk = header ? 'version: 1\n' : '';
  let first = !header;
  for (const entry of entries) {
    const out = [line('dn', entry.dn)];
    for (const name of entry.names()) for (const value of entry.get(name)) out.push(line(name, value));
    chunk += `${first ? '' : '\n'}${out.join('\n')}\n`;
    first = false;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function line(name: string, value: AttributeValue): string {
  const plain = typeof value === 'string' && (value === '' || (SAFE.test(value) && !value.endsWith(' ')));
  const raw = plain ? `${name}: ${value}` : `${name}:: ${Buffer.from(value).toString('base64')}`;
  return fold(raw);
}

function fold(raw: string): string {
  if (raw.length <= WIDTH) return raw;
  const parts = [raw.slice(0, WIDTH)];
  for (let i = WIDTH; i < raw.length; i += WIDTH - 1) parts.push(` ${raw.slice(i, i + WIDTH - 1)}`);
  return parts.join('\n');
}
