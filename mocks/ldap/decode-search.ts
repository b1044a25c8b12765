import { BerError, BerReader } from './ber-reader';
import { decodeFilter } from './decode-filter';
import type { RequestOf } from './ldap-request';

const SCOPES = ['base', 'one', 'sub'] as const;

/** SearchRequest (RFC 4511 §4.5.1), the hot path; its controls are added by decodeMessage. */
export function decodeSearch(message: BerReader, messageId: number): RequestOf<'search'> {
  const op = message.child(0x63);
  const base = baseDn(op);
  const scope = SCOPES[op.enumerated()];
  if (!scope) throw new BerError('unknown search scope');
  if (op.enumerated() > 3) throw new BerError('unknown derefAliases value');
  const sizeLimit = op.integer();
  op.integer();
  op.boolean();
  const filter = decodeFilter(op);
  return {
    op: 'search',
    messageId,
    base,
    scope,
    filter,
    attributes: attributeList(op),
    sizeLimit,
    controls: [],
  };
}

/** The last base DN decoded and its bytes: searches repeat it too, and the journal keeps one string. */
let lastBase: { bytes: Buffer; text: string } | undefined;

function baseDn(op: BerReader): string {
  if (lastBase && op.nextEquals(0x04, lastBase.bytes)) {
    op.skip();
    return lastBase.text;
  }
  const bytes = op.bytes(0x04);
  lastBase = { bytes: Buffer.from(bytes), text: bytes.toString('utf8') };
  return lastBase.text;
}

/** The last attribute list decoded and its bytes: a client asks for the same list search after search. */
let last: { bytes: Buffer; names: readonly string[] } | undefined;

/**
 * The search's AttributeSelection. The same bytes as the last list give the same (frozen) array: no
 * strings decoded per request, and the entries' cached answers recognise the list by identity.
 */
function attributeList(op: BerReader): readonly string[] {
  if (last && op.nextEquals(0x30, last.bytes)) {
    op.skip();
    return last.names;
  }
  const bytes = op.bytes(0x30);
  const list = new BerReader(bytes);
  const names: string[] = [];
  while (!list.done) names.push(list.string());
  last = { bytes: Buffer.from(bytes), names: Object.freeze(names) };
  return last.names;
}
