import { isUtf8 } from 'node:buffer';
import { type AttributeValue, BINARY_ATTRIBUTES, DirectoryEntry } from './entry';
import { LdifError } from './ldif-error';
import { changeRecord, clip, type LdifRecord, type RangesSeen, text, type ValueRange } from './ldif-records';
import { lineAt } from './ldif-text';
import { ownText } from './own-text';

interface Line {
  number: number;
  name: string;
  value: AttributeValue;
  range?: ValueRange;
}

const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;
const TYPE = /^[A-Za-z][A-Za-z0-9-]*$|^\d+(\.\d+)*$/;
const OPTION = /^[A-Za-z0-9-]+$/;
const RANGE = /^range=(\d+)-(\d+|\*)$/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Reads LDIF as ldifde and ldapsearch write it (RFC 2849): comments, `version:`, folded lines, CRLF,
 * `::` base64 values (kept as bytes for binary attributes and `;binary`), change records (ldifde's
 * `changetype: add` on every record), ldapsearch's `search:`/`result:` and `ref:` blocks, and AD's
 * ranged values (`member;range=0-1499`: stored as `member`, the range noted in the record's `ranges`).
 */
export function readLdif(text: string, file = '<ldif>', options: { pack?: boolean } = {}): LdifRecord[] {
  refuseLoneCarriageReturn(text, file);
  const records = new Records(file, options.pack ?? false);
  let pending: string | undefined;
  let pendingLine = 0;
  let inComment = false;
  let number = 0;
  for (let from = 0, next = 0; from <= text.length; from = next) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    next = end + 1;
    if (end > from && text.charCodeAt(end - 1) === 13) end--;
    const first = end > from ? text.charCodeAt(from) : -1;
    number++;
    if (first === 32) {
      if (inComment) continue;
      if (pending === undefined)
        throw new LdifError(file, number, 'continuation line with nothing to continue');
      pending += text.slice(from + 1, end);
      continue;
    }
    if (pending !== undefined) records.line(parseLine(pending, pendingLine, file));
    pending = undefined;
    inComment = first === 35;
    if (inComment) continue;
    if (first === -1 || (first < 32 && text.slice(from, end).trim() === '')) records.end();
    else {
      pending = text.slice(from, end);
      pendingLine = number;
    }
  }
  if (pending !== undefined) records.line(parseLine(pending, pendingLine, file));
  records.end();
  // The reused line would otherwise keep a view into this text (and so the whole text) alive.
  current.value = '';
  return records.list;
}

/** A CR not followed by LF would end up inside a value; LDIF never holds one (values with it are base64). */
function refuseLoneCarriageReturn(text: string, file: string): void {
  const at = text.search(/\r(?!\n)/);
  if (at < 0) return;
  throw new LdifError(
    file,
    lineAt(text, at),
    'a carriage return (\\r) not followed by a line feed: the file has CR-only (old Mac) or mixed line ' +
      'endings; save it with CRLF or LF line endings',
  );
}

/** The line being read; parseLine fills it in place (a new object per line would be 1.5 million at 100,000 entries). */
const current: Line = { number: 0, name: '', value: '' };

function parseLine(text: string, number: number, file: string): Line {
  current.number = number;
  current.range = undefined;
  current.value = '';
  if (text === '-') {
    current.name = '-';
    return current;
  }
  const colon = text.indexOf(':');
  if (colon <= 0) throw new LdifError(file, number, `expected "name: value", found "${clip(text)}"`);
  const description = intern(text.slice(0, colon));
  let binary = false;
  current.name = description;
  if (!PLAIN_NAME.test(description)) {
    const options = parseOptions(description, number, file);
    current.name = options.name;
    current.range = options.range;
    binary = options.binary;
  }
  let start = colon + 1;
  const kind = text.charCodeAt(start);
  if (kind === 58 || kind === 60) start++;
  while (text.charCodeAt(start) === 32) start++;
  const rest = text.slice(start);
  if (kind === 60)
    throw new LdifError(
      file,
      number,
      'values read from URLs (":<") are not supported; inline the value',
      current.name,
    );
  if (kind === 58) current.value = decodeBase64(rest, current.name, binary, number, file);
  else current.value = binary ? bytesOf(Buffer.from(rest, 'utf8')) : rest;
  return current;
}

const NAMES = new Map<string, string>();

/**
 * One string per attribute spelling, so 100,000 entries do not each keep their own copy of "objectClass".
 * The kept string is a copy: a name sliced from the text would keep the whole LDIF text alive.
 */
function intern(name: string): string {
  const known = NAMES.get(name);
  if (known !== undefined) return known;
  if (NAMES.size >= 10_000) return ownText(name);
  const own = ownText(name);
  NAMES.set(own, own);
  return own;
}

function ownValue(value: AttributeValue): AttributeValue {
  return typeof value === 'string' ? ownText(value) : value;
}

/** A line kept until its block ends (a change record's), with a value of its own. */
function ownLine(line: Line): Line {
  return { ...line, value: ownValue(line.value) };
}

/** `member;range=0-1499` gives member and the range; `;binary` is dropped (bytes kept); `;lang-de` stays. */
function parseOptions(description: string, number: number, file: string) {
  const [type, ...options] = description.split(';');
  if (!TYPE.test(type)) throw new LdifError(file, number, `invalid attribute name "${clip(description)}"`);
  const kept = [type];
  let binary = false;
  let range: ValueRange | undefined;
  for (const option of options) {
    const ranged = RANGE.exec(option);
    if (option.toLowerCase() === 'binary') binary = true;
    else if (ranged) {
      const to = ranged[2] === '*' ? '*' : Number(ranged[2]);
      if (to !== '*' && to < Number(ranged[1]))
        throw new LdifError(file, number, `the range "${option}" ends before it starts`, type);
      range = { from: Number(ranged[1]), to };
    } else if (OPTION.test(option)) kept.push(option);
    else throw new LdifError(file, number, `invalid attribute option ";${clip(option)}"`, type);
  }
  return { name: kept.join(';'), binary, range };
}

function decodeBase64(text: string, name: string, binary: boolean, number: number, file: string) {
  if (text.length % 4 === 1 || !BASE64.test(text))
    throw new LdifError(file, number, 'invalid base64 value', name);
  const bytes = Buffer.from(text, 'base64');
  if (binary || BINARY_ATTRIBUTES.has(name.toLowerCase()) || !isUtf8(bytes)) return bytesOf(bytes);
  return bytes.toString('utf8');
}

/**
 * A plain Uint8Array over the Buffer's memory: small Buffers share Node's 8 KB pool, so 100,000 GUIDs do
 * not each get an ArrayBuffer of their own (values are never written to).
 */
function bytesOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Builds records from the logical lines of one block at a time; content records go straight into an entry. */
class Records {
  readonly list: LdifRecord[] = [];
  private head?: Line;
  private entry?: DirectoryEntry;
  private type: 'content' | 'add' = 'content';
  private ranges?: RangesSeen;
  /** The lines of a change record or of an ldapsearch trailer, kept until the block ends. */
  private kept?: Line[];

  constructor(
    private readonly file: string,
    /** Each object packed as its record ends (DirectoryEntry.pack): for a tenant the run holds. */
    private readonly pack: boolean,
  ) {}

  line(line: Line): void {
    if (this.entry) {
      this.add(line);
      return;
    }
    if (this.kept) {
      this.kept.push(ownLine(line));
      return;
    }
    const name = line.name.toLowerCase();
    if (!this.head) {
      if (name === 'dn') this.head = { ...line };
      else if (name === 'search' || name === 'ref') this.kept = [ownLine(line)];
      else if (name !== 'version' || line.value !== '1') this.refuseStart(line, name);
      return;
    }
    if (name !== 'changetype') {
      this.entry = new DirectoryEntry(this.dn());
      this.add(line);
    } else if (text(line.value).trim().toLowerCase() === 'add') {
      this.type = 'add';
      this.entry = new DirectoryEntry(this.dn());
    } else this.kept = [ownLine(line)];
  }

  end(): void {
    const { head, entry, kept, ranges, type } = this;
    this.head = this.entry = this.kept = this.ranges = undefined;
    this.type = 'content';
    if (!head) {
      if (kept) searchTrailer(kept, this.file);
      return;
    }
    if (kept) this.list.push(changeRecord(this.dnOf(head, false), head.number, kept, this.file));
    else {
      const line = head.number;
      const record = { type, line, entry: entry ?? new DirectoryEntry(this.dn(head)) };
      if (this.pack) record.entry.pack();
      this.list.push(ranges ? { ...record, ranges } : record);
    }
  }

  private add(line: Line): void {
    if (line.name === '-')
      throw new LdifError(this.file, line.number, 'a "-" separator belongs in a modify record only');
    if (line.name.length === 2 && line.name.toLowerCase() === 'dn')
      throw new LdifError(this.file, line.number, 'a second "dn:" in one record (missing blank line?)', 'dn');
    // A packed entry copies its values at the record's end; an open one keeps them, so they are copied
    // out of the text here (a view would keep the whole LDIF text alive).
    this.entry!.add(line.name, this.pack ? line.value : ownValue(line.value));
    if (line.range) this.ranges = noteRange(this.ranges ?? {}, line.name.toLowerCase(), line.range);
  }

  private dn(head = this.head!): string {
    return this.dnOf(head, true);
  }

  private dnOf(head: Line, content: boolean): string {
    const dn = ownText(text(head.value).trim());
    if (dn === '' && content) throw new LdifError(this.file, head.number, 'the DN is empty', 'dn');
    return dn;
  }

  private refuseStart(line: Line, name: string): never {
    if (name === 'version')
      throw new LdifError(this.file, line.number, `unsupported LDIF version "${clip(text(line.value))}"`);
    throw new LdifError(
      this.file,
      line.number,
      `a record must start with "dn:", found "${line.name}:"`,
      line.name,
    );
  }
}

/**
 * ldapsearch without -LLL ends with `search: 2` / `result: 0 Success` and writes AD's referrals as `ref:`
 * blocks; neither is an entry. Any other result means ldapsearch stopped early: the export is incomplete.
 */
function searchTrailer(lines: Line[], file: string): void {
  const stray = lines.find((l) => !TRAILER.has(l.name.toLowerCase()));
  if (stray)
    throw new LdifError(
      file,
      stray.number,
      `a record must start with "dn:", found "${stray.name}:"`,
      stray.name,
    );
  const result = lines.find((l) => l.name.toLowerCase() === 'result');
  const outcome = result ? text(result.value).trim() : '0';
  if (!/^0(\s|$)/.test(outcome))
    throw new LdifError(
      file,
      result!.number,
      `ldapsearch reported "result: ${clip(outcome)}", so the export is incomplete; export again ` +
        '(with -E pr=1000/noprompt for more than 1,000 objects)',
      'result',
    );
}

const TRAILER = new Set(['search', 'result', 'text', 'matcheddn', 'ref', 'control']);

function noteRange(ranges: RangesSeen, key: string, range: ValueRange): RangesSeen {
  const list = ranges[key] ?? [];
  ranges[key] = list;
  if (!list.some((r) => r.from === range.from && r.to === range.to)) list.push(range);
  return ranges;
}
