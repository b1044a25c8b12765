import { BerError, BerReader } from './ber-reader';
import { decodeBind } from './decode-bind';
import { decodeControls } from './decode-controls';
import { decodeAbandon, decodeCompare, decodeExtended, decodeUnbind } from './decode-other-ops';
import { decodeSearch } from './decode-search';
import { decodeAdd, decodeDelete, decodeModify, decodeModifyDn } from './decode-updates';
import type { LdapRequest } from './ldap-request';

type OperationDecoder = (message: BerReader, messageId: number) => LdapRequest;

/** Request protocolOp tags (RFC 4511 §4.2); anything else, responses included, is a protocol error. */
const DECODERS = new Map<number, OperationDecoder>([
  [0x60, decodeBind],
  [0x42, decodeUnbind],
  [0x63, decodeSearch],
  [0x66, decodeModify],
  [0x68, decodeAdd],
  [0x4a, decodeDelete],
  [0x6c, decodeModifyDn],
  [0x6e, decodeCompare],
  [0x50, decodeAbandon],
  [0x77, decodeExtended],
]);

const MAX_MESSAGE_ID = 2 ** 31 - 1;

/**
 * One LDAPMessage frame (RFC 4511 §4.1.1): `SEQUENCE { messageID, protocolOp, controls [0] OPTIONAL }`.
 * Throws BerError on anything malformed; trailing elements the RFC tells servers to ignore are ignored.
 */
export function decodeMessage(frame: Buffer): LdapRequest {
  const message = new BerReader(frame).child(0x30);
  const messageId = message.integer();
  if (messageId < 1 || messageId > MAX_MESSAGE_ID)
    throw new BerError(`messageID ${messageId} is out of range (1 to ${MAX_MESSAGE_ID})`);
  const tag = message.peekTag();
  const decode = DECODERS.get(tag);
  if (!decode) throw new BerError(`unknown protocolOp 0x${tag.toString(16)}`);
  const request = decode(message, messageId);
  if (message.has(0xa0)) {
    const controls = decodeControls(message.child(0xa0));
    if (request.op === 'search') request.controls = controls;
  }
  return request;
}
