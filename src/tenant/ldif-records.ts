import type { AttributeValue, DirectoryEntry } from './entry';
import { LdifError } from './ldif-error';
import { printable } from './ldif-text';

export type Modification = {
  operation: 'add' | 'replace' | 'delete';
  attribute: string;
  values: AttributeValue[];
};

/** One `;range=from-to` option AD put on a big multi-valued attribute (`to` is `*` for the last part). */
export type ValueRange = { from: number; to: number | '*' };
/** The ranges a record held, by attribute name (options other than the range kept) lower-cased. */
export type RangesSeen = Record<string, ValueRange[]>;

export type LdifRecord =
  | { type: 'content'; line: number; entry: DirectoryEntry; ranges?: RangesSeen }
  | { type: 'add'; line: number; entry: DirectoryEntry; ranges?: RangesSeen }
  | { type: 'delete'; line: number; dn: string }
  | { type: 'modify'; line: number; dn: string; modifications: Modification[] }
  | { type: 'modrdn'; line: number; dn: string; newRdn: string; deleteOldRdn: boolean; newSuperior?: string };

/** A logical LDIF line: `name: value`, with its first physical line number. */
export interface LdifLine {
  number: number;
  name: string;
  value: AttributeValue;
}

/** A change record (`changetype: delete | modify | modrdn | moddn`) from its lines after the DN. */
export function changeRecord(dn: string, number: number, lines: LdifLine[], file: string): LdifRecord {
  const [typeLine, ...rest] = lines;
  const changeType = text(typeLine.value).trim().toLowerCase();
  switch (changeType) {
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
      throw new LdifError(file, typeLine.number, `unknown changetype "${clip(changeType)}"`, 'changetype');
  }
}

function modifications(lines: LdifLine[], file: string): Modification[] {
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
        `value for "${clip(current.attribute)}" expected (missing "-"?)`,
        line.name,
      );
    } else {
      current.values.push(line.value);
    }
  }
  if (current) result.push(current);
  return result;
}

function modRdn(dn: string, number: number, lines: LdifLine[], file: string): LdifRecord {
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

export function text(value: AttributeValue): string {
  return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
}

/** At most 40 characters of bad input for a message, control characters escaped. */
export function clip(value: string): string {
  return printable(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
