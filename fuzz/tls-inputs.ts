import { EDGE_FQDN, POOL_FQDN } from '../src/pki/lab';
import { mutateBytes } from './byte-mutator';
import type { FuzzInput } from './input';
import type { Rng } from './random';
import { clientHello, raw, type Vec, vecsOf, writeVec } from './tls-hello';

type Mutation = (rng: Rng, hello: Vec) => Buffer;

const record = (type: number, version: number, fragment: Buffer) =>
  Buffer.concat([
    Buffer.from([type, version >> 8, version & 0xff, fragment.length >> 8, fragment.length & 0xff]),
    fragment,
  ]);
/** One length field of the hello (chosen by `pick`) claims `claim(true length)`. */
const lengthLie = (hello: Vec, pick: (vs: Vec[]) => Vec, claim: (actual: number) => number) => {
  const target = pick(
    vecsOf(hello)
      .map((x) => x.v)
      .filter((v) => v.width > 0),
  );
  target.claim = claim(writeVec(target).length - target.width) & (256 ** target.width - 1);
  return writeVec(hello);
};

/** Ways a ClientHello goes wrong, from one lying length to records that are not TLS at all. */
export const TLS_MUTATIONS: Record<string, Mutation> = {
  'length-over': (rng, h) =>
    lengthLie(
      h,
      (vs) => rng.pick(vs),
      (n) => n + rng.pick([1, 2, 100, 5000]),
    ),
  'length-under': (rng, h) =>
    lengthLie(
      h,
      (vs) => rng.pick(vs),
      (n) => rng.int(n + 1),
    ),
  'length-huge': (rng, h) =>
    lengthLie(
      h,
      (vs) => rng.pick(vs),
      () => 0xffffff,
    ),
  truncated: (rng, h) => {
    const bytes = writeVec(h);
    return bytes.subarray(0, rng.int(bytes.length));
  },
  'content-bytes': (rng, h) => {
    const bytes = writeVec(h);
    return Buffer.concat([bytes.subarray(0, 9), mutateBytes(rng, bytes.subarray(9), 3)]);
  },
  'extension-duplicated': (rng, h) => {
    const list = vecsOf(h)
      .map((x) => x.v)
      .filter((v) => v.width === 2 && (v.children?.length ?? 0) > 3)
      .pop();
    if (list?.children?.length)
      list.children.push(...Array.from({ length: rng.pick([2, 50, 3000]) }, () => rng.pick(list.children!)));
    return writeVec(h);
  },
  'record-type': (rng, h) => {
    const bytes = writeVec(h);
    bytes[0] = rng.pick([0x14, 0x15, 0x17, 0x18, 0x00, 0xff, 0x80]);
    return bytes;
  },
  'record-version': (rng, h) => {
    const bytes = writeVec(h);
    bytes.writeUInt16BE(rng.pick([0x0300, 0x0200, 0xffff, 0x0304, 0x0000, 0x7f1c]), 1);
    return bytes;
  },
  'record-oversize': (rng, h) => {
    const handshake = writeVec(h).subarray(5);
    return record(
      0x16,
      0x0301,
      Buffer.concat([handshake, Buffer.alloc(rng.pick([16_385, 18_500, 65_535 - handshake.length]))]),
    );
  },
  'record-fragments': (rng, h) => {
    const handshake = writeVec(h).subarray(5);
    const size = rng.pick([1, 2, 7]);
    const parts: Buffer[] = [];
    for (let at = 0; at < handshake.length; at += size)
      parts.push(record(0x16, 0x0301, handshake.subarray(at, at + size)));
    return Buffer.concat(parts);
  },
  'record-empty': (rng, h) =>
    Buffer.concat([
      ...Array.from({ length: rng.pick([1, 100, 10_000]) }, () => record(0x16, 0x0301, Buffer.alloc(0))),
      writeVec(h),
    ]),
  'before-hello': (rng, h) =>
    Buffer.concat([
      record(
        rng.pick([0x14, 0x15, 0x17, 0x18]),
        0x0303,
        Buffer.from(rng.pick([[1], [2, 40], [1, 0, 0x40, 0, 0]])),
      ),
      writeVec(h),
    ]),
  'hello-twice': (_rng, h) => Buffer.concat([writeVec(h), writeVec(h)]),
  'garbage-after': (rng, h) => Buffer.concat([writeVec(h), rng.bytes(rng.between(1, 4000))]),
  'sslv2-hello': (rng) =>
    Buffer.from([
      0x80,
      0x2e,
      0x01,
      0x00,
      0x02,
      0x00,
      0x15,
      0x00,
      0x00,
      0x00,
      0x10,
      ...rng.bytes(0x15 + 0x10),
    ]),
  'handshake-type': (rng, h) => {
    const bytes = writeVec(h);
    bytes[5] = rng.pick([0x00, 0x02, 0x0b, 0x0f, 0x10, 0x14, 0xfe]);
    return bytes;
  },
  'session-id-long': (_rng, h) => {
    const session = vecsOf(h).find((x) => x.v.width === 1);
    if (session) session.v.children = [raw(Buffer.alloc(255, 1))];
    return writeVec(h);
  },
  garbage: (rng) => rng.bytes(rng.pick([1, 5, 100, 20_000])),
  'plain-text': (rng) =>
    Buffer.from(
      rng.pick(['GET / HTTP/1.1\r\nHost: x\r\n\r\n', 'REGISTER sip:x SIP/2.0\r\n\r\n', '\r\n\r\n']),
    ),
};
const NAMES = Object.keys(TLS_MUTATIONS);

/** One TLS input: a ClientHello to the Edge (mutual TLS) or the pool's registrar, made wrong one way. */
export function tlsInput(rng: Rng): FuzzInput {
  const target = rng.chance(0.5) ? 'edge' : 'registrar';
  const hello = clientHello(
    rng,
    rng.chance(0.9) ? (target === 'edge' ? EDGE_FQDN : POOL_FQDN) : 'x'.repeat(rng.pick([0, 300])),
  );
  const mutation = rng.chance(0.04) ? 'valid' : rng.pick(NAMES);
  const bytes = mutation === 'valid' ? writeVec(hello) : TLS_MUTATIONS[mutation](rng, hello);
  return { target, label: mutation, bytes };
}

const ALERTS: Record<number, string> = {
  10: 'unexpected_message',
  20: 'bad_record_mac',
  22: 'record_overflow',
  40: 'handshake_failure',
  47: 'illegal_parameter',
  50: 'decode_error',
  51: 'decrypt_error',
  70: 'protocol_version',
  71: 'insufficient_security',
  80: 'internal_error',
  86: 'inappropriate_fallback',
  109: 'missing_extension',
  110: 'unsupported_extension',
  112: 'unrecognized_name',
};

/** `server hello`, `alert 50 decode_error`, ... or how the connection ended. */
export function tlsAnswerKind(reply: Buffer, ending: string): string {
  if (reply.length === 0) return ending === 'answered' ? 'closed' : ending;
  if (reply[0] === 0x16) return reply[5] === 0x02 ? 'server hello' : 'handshake (not a hello)';
  if (reply[0] === 0x15 && reply.length >= 7) return `alert ${reply[6]} ${ALERTS[reply[6]] ?? ''}`.trim();
  return 'not TLS';
}
