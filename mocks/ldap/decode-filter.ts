import { BINARY_ATTRIBUTES } from '../../src/tenant/entry';
import { BerError, type BerReader } from './ber-reader';
import type { Filter } from './filter';

/** How deeply and/or/not may nest: deeper filters are a protocol error, not a deep recursion. */
export const MAX_FILTER_DEPTH = 100;

/** A search Filter (RFC 4511 §4.5.1.7) at the reader's offset; throws BerError on malformed input. */
export function decodeFilter(r: BerReader, depth = 1): Filter {
  if (depth > MAX_FILTER_DEPTH) throw new BerError(`a filter nested deeper than ${MAX_FILTER_DEPTH} levels`);
  const tag = r.peekTag();
  switch (tag) {
    case 0xa0:
    case 0xa1: {
      const set = r.child(tag);
      const filters: Filter[] = [];
      while (!set.done) filters.push(decodeFilter(set, depth + 1));
      return { kind: tag === 0xa0 ? 'and' : 'or', filters };
    }
    case 0xa2: {
      const inner = r.child(0xa2);
      return { kind: 'not', filter: decodeFilter(inner, depth + 1) };
    }
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
