import { type AttributeValue, BINARY_ATTRIBUTES, DirectoryEntry } from './entry';
import { LdifError } from './ldif-error';

export type Modification = {
  operation: 'add' | 'replace' | 'delete';
  attribute: string;
  values: AttributeValue[];
};

export type LdifRecord =
  | { type: 'content'; line: number; entry: DirectoryEntry }
  | { type: 'add'; line: number; entry: DirectoryEntry }
  | { type: 'delete'; line: number; dn: string }
  | { type: 'modify'; line: number; dn: string; modifications: Modification[] }
  | { type: 'modrdn'; line: number; dn: string; newRdn: string; deleteOldRdn: boolean; newSuperior?: string };

interface Line {
  number: number;
  name: string;
  value: AttributeValue;
}

const ATTRIBUTE_NAME = /^[A-Za-z][A-Za-z0-9-]*(;[A-Za-z0-9-]+)*$|^\d+(\.\d+)*$/;

/**
 * Reads LDIF as ldifde and ldapsearch write it (RFC 2849): comments, `version:`, folded lines,
 * `::` base64 values (kept as bytes for binary attributes), raw UTF-8, and change records.
 */
export function readLdif(text: string, file = '<ldif>'): LdifRecord[] {
  const records: LdifRecord[] = [];
  for (const block of logicalBlocks(text, file)) {
    const record = toRecord(block, file);
    if (record) records.push(record);
  }
  return records;
}

/** Splits into records of unfolded `name: value` lines, each with its first physical line number. */
function* logicalBlocks(text: string, file: string): Generator<Line[]> {
  const physical = text.split(/\r?\n/);
  let block: Line[] = [];
  let pending: { number: number; text: string } | undefined;
  const flush = () => {
    if (pending) block.push(parseLine(pending.text, pending.number, file));
    pending = undefined;
  };
  let inComment = false;
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i];
    const number = i + 1;
    if (raw.startsWith(' ')) {
      if (inComment) continue;
      if (!pending) throw new LdifError(file, number, 'continuation line with nothing to continue');
      pending.text += raw.slice(1);
      continue;
    }
    inComment = false;
    if (raw.startsWith('#')) {
      inComment = true;
      continue;
    }
    if (raw.trim() === '') {
      flush();
      if (block.length) yield block;
      block = [];
      continue;
    }
    flush();
    pending = { number, text: raw };
  }
  flush();
  if (block.length) yield block;
}

function parseLine(text: string, number: number, file: string): Line {
  if (text === '-') return { number, name: '-', value: '' };
  const colon = text.indexOf(':');
  if (colon <= 0) throw new LdifError(file, number, `expected "name: value", found "${clip(text)}"`);
  const name = text.slice(0, colon);
  if (!ATTRIBUTE_NAME.test(name)) throw new LdifError(file, number, `invalid attribute name "${clip(name)}"`);
  const rest = text.slice(colon + 1);
  if (rest.startsWith(':'))
    return { number, name, value: decodeBase64(rest.slice(1).trim(), name, number, file) };
  if (rest.startsWith('<')) {
    throw new LdifError(
      file,
      number,
      'values read from URLs (":<") are not supported; inline the value',
      name,
    );
  }
  return { number, name, value: rest.startsWith(' ') ? rest.slice(1) : rest };
}

function decodeBase64(text: string, name: string, number: number, file: string): AttributeValue {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) {
    throw new LdifError(file, number, 'invalid base64 value', name);
  }
  const bytes = Buffer.from(text, 'base64');
  const base = name.split(';')[0].toLowerCase();
  if (BINARY_ATTRIBUTES.has(base) || name.toLowerCase().includes(';binary')) return new Uint8Array(bytes);
  const decoded = bytes.toString('utf8');
  return Buffer.from(decoded, 'utf8').equals(bytes) ? decoded : new Uint8Array(bytes);
}

function toRecord(block: Line[], file: string): LdifRecord | undefined {
  let lines = block;
  if (lines[0].name.toLowerCase() === 'version') {
    if (lines[0].value !== '1')
      throw new LdifError(file, lines[0].number, `unsupported LDIF version "${lines[0].value}"`);
    lines = lines.slice(1);
    if (lines.length === 0) return undefined;
  }
  const [head, ...body] = lines;
  if (head.name.toLowerCase() !== 'dn') {
    throw new LdifError(
      file,
      head.number,
      `a record must start with "dn:", found "${head.name}:"`,
      head.name,
    );
  }
  const dn = text(head.value).trim();
  if (dn === '' && body.length > 0 && !isChangeType(body[0])) {
    throw new LdifError(file, head.number, 'the DN is empty', 'dn');
  }
  if (body.length > 0 && isChangeType(body[0])) return changeRecord(dn, head.number, body, file);
  return { type: 'content', line: head.number, entry: entryOf(dn, body, file) };
}

function isChangeType(line: Line): boolean {
  return line.name.toLowerCase() === 'changetype';
}

function entryOf(dn: string, lines: Line[], file: string): DirectoryEntry {
  const entry = new DirectoryEntry(dn);
  for (const line of lines) {
    if (line.name === '-')
      throw new LdifError(file, line.number, 'a "-" separator belongs in a modify record only');
    if (line.name.toLowerCase() === 'dn')
      throw new LdifError(file, line.number, 'a second "dn:" in one record (missing blank line?)', 'dn');
    entry.add(line.name, line.value);
  }
  return entry;
}

function changeRecord(dn: string, number: number, lines: Line[], file: string): LdifRecord {
  const [typeLine, ...rest] = lines;
  const changeType = text(typeLine.value).trim().toLowerCase();
  switch (changeType) {
    case 'add':
      return { type: 'add', line: number, entry: entryOf(dn, rest, file) };
    case 'delete':
      if (rest.length)
        throw new LdifError(file, rest[0].number, 'a delete record takes no attributes', rest[0].name);
      return { type: 'delete', line: number, dn };
    case 'modify':
      return { type: 'modify', line: number, dn, modifications: modifications(rest, file) };
    case 'modrdn':
    case 'moddn':
      return modRdn(dn, number, rest, file);
    default:
      throw new LdifError(file, typeLine.number, `unknown changetype "${changeType}"`, 'changetype');
  }
}

function modifications(lines: Line[], file: string): Modification[] {
  const result: Modification[] = [];
  let current: Modification | undefined;
  for (const line of lines) {
    const name = line.name.toLowerCase();
    if (!current) {
      if (name !== 'add' && name !== 'replace' && name !== 'delete') {
        throw new LdifError(
          file,
          line.number,
          `expected add:, replace: or delete:, found "${line.name}:"`,
          line.name,
        );
      }
      current = { operation: name, attribute: text(line.value).trim(), values: [] };
    } else if (line.name === '-') {
      result.push(current);
      current = undefined;
    } else if (name !== current.attribute.toLowerCase()) {
      throw new LdifError(
        file,
        line.number,
        `value for "${current.attribute}" expected (missing "-"?)`,
        line.name,
      );
    } else {
      current.values.push(line.value);
    }
  }
  if (current) result.push(current);
  return result;
}

function modRdn(dn: string, number: number, lines: Line[], file: string): LdifRecord {
  const field = (name: string) => lines.find((l) => l.name.toLowerCase() === name);
  const newRdn = field('newrdn');
  if (!newRdn) throw new LdifError(file, number, 'a modrdn record needs "newrdn:"', 'newrdn');
  const deleteOld = field('deleteoldrdn');
  const superior = field('newsuperior');
  return {
    type: 'modrdn',
    line: number,
    dn,
    newRdn: text(newRdn.value),
    deleteOldRdn: deleteOld ? text(deleteOld.value).trim() === '1' : true,
    newSuperior: superior ? text(superior.value) : undefined,
  };
}

function text(value: AttributeValue): string {
  return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
