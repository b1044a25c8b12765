import { BINARY_ATTRIBUTES } from '../../src/tenant/entry';
import { BerError, type BerReader } from './ber-reader';
import type { RequestAttribute, RequestOf } from './ldap-request';

/** The update operations (RFC 4511 §4.6-4.9): every list and value bounded by its enclosing element. */

const MODIFY_OPERATIONS = ['add', 'delete', 'replace'] as const;

export function decodeAdd(message: BerReader, messageId: number): RequestOf<'add'> {
  const op = message.child(0x68);
  const dn = op.string();
  const list = op.child(0x30);
  const attributes: RequestAttribute[] = [];
  while (!list.done) attributes.push(decodeAttribute(list.child(0x30)));
  return { op: 'add', messageId, dn, attributes };
}

export function decodeModify(message: BerReader, messageId: number): RequestOf<'modify'> {
  const op = message.child(0x66);
  const dn = op.string();
  const list = op.child(0x30);
  const changes: RequestOf<'modify'>['changes'] = [];
  while (!list.done) {
    const change = list.child(0x30);
    const operation = MODIFY_OPERATIONS[change.enumerated()];
    if (!operation) throw new BerError('unknown modify operation');
    changes.push({ operation, ...decodeAttribute(change.child(0x30)) });
  }
  return { op: 'modify', messageId, dn, changes };
}

export function decodeDelete(message: BerReader, messageId: number): RequestOf<'delete'> {
  return { op: 'delete', messageId, dn: message.string(0x4a) };
}

export function decodeModifyDn(message: BerReader, messageId: number): RequestOf<'modifyDn'> {
  const op = message.child(0x6c);
  const dn = op.string();
  const newRdn = op.string();
  const deleteOldRdn = op.boolean();
  const newSuperior = op.has(0x80) ? op.string(0x80) : undefined;
  return {
    op: 'modifyDn',
    messageId,
    dn,
    newRdn,
    deleteOldRdn,
    ...(newSuperior !== undefined && { newSuperior }),
  };
}

/** PartialAttribute: `SEQUENCE { type, vals SET OF value }`; binary attributes keep their bytes. */
function decodeAttribute(a: BerReader): RequestAttribute {
  const name = a.string();
  const binary = BINARY_ATTRIBUTES.has(name.toLowerCase());
  const set = a.child(0x31);
  const values: RequestAttribute['values'] = [];
  while (!set.done) {
    const bytes = set.bytes(0x04);
    values.push(binary ? new Uint8Array(bytes) : bytes.toString('utf8'));
  }
  return { name, values };
}
