import { BerError, type BerReader } from './ber-reader';
import { decodeFilter } from './decode-filter';
import type { RequestOf } from './ldap-request';

const SCOPES = ['base', 'one', 'sub'] as const;

/** SearchRequest (RFC 4511 §4.5.1), the hot path; its controls are added by decodeMessage. */
export function decodeSearch(message: BerReader, messageId: number): RequestOf<'search'> {
  const op = message.child(0x63);
  const base = op.string();
  const scope = SCOPES[op.enumerated()];
  if (!scope) throw new BerError('unknown search scope');
  if (op.enumerated() > 3) throw new BerError('unknown derefAliases value');
  const sizeLimit = op.integer();
  op.integer();
  op.boolean();
  const filter = decodeFilter(op);
  const list = op.child(0x30);
  const attributes: string[] = [];
  while (!list.done) attributes.push(list.string());
  return { op: 'search', messageId, base, scope, filter, attributes, sizeLimit, controls: [] };
}
