import { BerReader } from './ber-reader';
import type { RequestControl } from './ldap-request';

const PAGED = '1.2.840.113556.1.4.319';

/** `controls [0] Controls` of an LDAPMessage (RFC 4511 §4.1.11), the reader over its contents. */
export function decodeControls(all: BerReader): RequestControl[] {
  const controls: RequestControl[] = [];
  while (!all.done) controls.push(decodeControl(all.child(0x30)));
  return controls;
}

function decodeControl(c: BerReader): RequestControl {
  const oid = c.string();
  const critical = c.has(0x01) ? c.boolean() : false;
  if (!c.has(0x04)) return { oid, critical };
  const raw = c.bytes(0x04);
  if (oid !== PAGED) return { oid, critical, value: Buffer.from(raw) };
  // RFC 2696: realSearchControlValue ::= SEQUENCE { size INTEGER, cookie OCTET STRING }
  const v = new BerReader(raw).child(0x30);
  return { oid, critical, value: { size: v.integer(), cookie: Buffer.from(v.bytes(0x04)) } };
}
