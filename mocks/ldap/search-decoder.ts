import { BINARY_ATTRIBUTES } from '../../src/tenant/entry';
import { BerError, BerReader } from './ber-reader';
import type { Filter } from './filter';
import type { LdapRequest } from './ldapjs-adapter';

const SCOPES = ['base', 'one', 'sub'] as const;
const PAGED = '1.2.840.113556.1.4.319';

/** The protocolOp tag of an LDAPMessage frame (after its messageID), or undefined when unreadable. */
export function protocolOpOf(frame: Buffer): number | undefined {
  try {
    const message = new BerReader(frame).child(0x30);
    message.integer();
    return message.peekTag();
  } catch {
    return undefined;
  }
}

/** Decodes a SearchRequest frame (the hot path: no ldapjs objects); throws BerError on malformed input. */
export function decodeSearch(frame: Buffer): Extract<LdapRequest, { op: 'search' }> {
  const message = new BerReader(frame).child(0x30);
  const messageId = message.integer();
  const op = message.child(0x63);
  const base = op.string();
  const scope = SCOPES[op.integer(0x0a)];
  if (!scope) throw new BerError('unknown search scope');
  op.integer(0x0a);
  const sizeLimit = op.integer();
  op.integer();
  op.boolean();
  const filter = decodeFilter(op);
  const list = op.child(0x30);
  const attributes: string[] = [];
  while (!list.done) attributes.push(list.string());
  const controls: Array<{ oid: string; critical: boolean; value?: unknown }> = [];
  if (!message.done && message.peekTag() === 0xa0) {
    const all = message.child(0xa0);
    while (!all.done) controls.push(decodeControl(all.child(0x30)));
  }
  return { op: 'search', messageId, base, scope, filter, attributes, sizeLimit, controls };
}

function decodeControl(c: BerReader): { oid: string; critical: boolean; value?: unknown } {
  const oid = c.string();
  let critical = false;
  if (!c.done && c.peekTag() === 0x01) critical = c.boolean();
  if (c.done) return { oid, critical };
  const raw = c.bytes(0x04);
  if (oid !== PAGED) return { oid, critical, value: raw };
  const v = new BerReader(raw).child(0x30);
  return { oid, critical, value: { size: v.integer(), cookie: Buffer.from(v.bytes(0x04)) } };
}

function decodeFilter(r: BerReader): Filter {
  const tag = r.peekTag();
  switch (tag) {
    case 0xa0:
    case 0xa1: {
      const set = r.child(tag);
      const filters: Filter[] = [];
      while (!set.done) filters.push(decodeFilter(set));
      return { kind: tag === 0xa0 ? 'and' : 'or', filters };
    }
    case 0xa2:
      return { kind: 'not', filter: decodeFilter(r.child(0xa2)) };
    case 0x87:
      return { kind: 'present', attribute: r.string(0x87) };
    case 0xa3:
    case 0xa5:
    case 0xa6:
    case 0xa8:
      return assertion(r.child(tag), tag);
    case 0xa4:
      return substrings(r.child(0xa4));
    case 0xa9:
      return extensible(r.child(0xa9));
    default:
      throw new BerError(`unknown filter tag 0x${tag.toString(16)}`);
  }
}

function assertion(r: BerReader, tag: number): Filter {
  const attribute = r.string();
  const raw = r.bytes(0x04);
  const value = raw.toString('utf8');
  if (tag === 0xa5) return { kind: 'ge', attribute, value };
  if (tag === 0xa6) return { kind: 'le', attribute, value };
  if (tag === 0xa8) return { kind: 'approx', attribute, value };
  return BINARY_ATTRIBUTES.has(attribute.toLowerCase())
    ? { kind: 'equal', attribute, value, raw: Buffer.from(raw) }
    : { kind: 'equal', attribute, value };
}

function substrings(r: BerReader): Filter {
  const attribute = r.string();
  const parts = r.child(0x30);
  const f: { kind: 'substring'; attribute: string; initial?: string; any: string[]; final?: string } = {
    kind: 'substring',
    attribute,
    any: [],
  };
  while (!parts.done) {
    const tag = parts.peekTag();
    const text = parts.string(tag);
    if (tag === 0x80) f.initial = text;
    else if (tag === 0x81) f.any.push(text);
    else if (tag === 0x82) f.final = text;
    else throw new BerError('unknown substring choice');
  }
  return f;
}

function extensible(r: BerReader): Filter {
  let rule: string | undefined;
  let attribute: string | undefined;
  let value = '';
  while (!r.done) {
    const tag = r.peekTag();
    if (tag === 0x81) rule = r.string(0x81);
    else if (tag === 0x82) attribute = r.string(0x82);
    else if (tag === 0x83) value = r.string(0x83);
    else r.skip();
  }
  return { kind: 'extensible', attribute, rule, value };
}
