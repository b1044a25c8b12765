import { BerError, type BerReader } from './ber-reader';
import type { RequestOf } from './ldap-request';

/**
 * BindRequest (RFC 4511 §4.2): simple ([0]) or SASL ([3]); any other authentication choice (AD's
 * Sicily ones) is kept as a non-simple bind, which the DC refuses with authMethodNotSupported.
 */
export function decodeBind(message: BerReader, messageId: number): RequestOf<'bind'> {
  const op = message.child(0x60);
  const version = op.integer();
  if (version < 1 || version > 127) throw new BerError(`bind version ${version} is out of range`);
  const name = op.string();
  const tag = op.peekTag();
  if (tag === 0x80) return { op: 'bind', messageId, name, password: op.string(0x80), sasl: false };
  if (tag !== 0xa3) {
    op.skip();
    return { op: 'bind', messageId, name, password: '', sasl: true };
  }
  const sasl = op.child(0xa3);
  const mechanism = sasl.string();
  if (sasl.has(0x04)) sasl.skip(); // credentials: read past, never kept (the DC refuses SASL)
  return { op: 'bind', messageId, name, password: '', sasl: true, mechanism };
}
