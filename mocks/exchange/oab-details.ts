import type { Recipient } from './directory';

/**
 * Writes the uncompressed OAB v4 Full Details file ([MS-OXOAB] §2.9): OAB_HDR, OAB_META (the
 * property tables), the header record, then one OAB_V4_REC per recipient.
 */
const ANR = 0x01;
const PRIMARY_KEY = 0x02;

export const TAG = {
  oabName: 0x6800001f,
  oabDn: 0x6804001e,
  oabSequence: 0x68010003,
  emailAddress: 0x3003001e,
  smtpAddress: 0x39fe001f,
  displayName: 0x3001001f,
  account: 0x3a00001f,
  givenName: 0x3a06001f,
  surname: 0x3a11001f,
  proxyAddresses: 0x800f101f,
  targetAddress: 0x8011001f,
  displayType: 0x39000003,
  objectType: 0x0ffe0003,
} as const;

const HEADER_PROPS: Array<[number, number]> = [
  [TAG.oabName, 0],
  [TAG.oabDn, 0],
  [TAG.oabSequence, 0],
];

const RECORD_PROPS: Array<[number, number]> = [
  [TAG.emailAddress, PRIMARY_KEY],
  [TAG.smtpAddress, ANR],
  [TAG.displayName, ANR],
  [TAG.account, ANR],
  [TAG.givenName, 0],
  [TAG.surname, ANR],
  [TAG.proxyAddresses, 0],
  [TAG.targetAddress, 0],
  [TAG.displayType, 0],
  [TAG.objectType, 0],
];

const DISPLAY_TYPE = { mailbox: 0, contact: 6 } as const; // MAILUSER, REMOTE_MAILUSER
const MAPI_MAILUSER = 6;

type Value = string | number | string[] | undefined;

export interface OabHeader {
  name: string;
  dn: string;
  sequence: number;
}

/** The address-book records of a GAL snapshot, encoded once: successive generations of the same GAL reuse them. */
const encodedGals = new WeakMap<Recipient[], Buffer>();

export function writeFullDetails(header: OabHeader, recipients: Recipient[]): Buffer {
  return Buffer.concat(fullDetailsParts(header, recipients));
}

/** The Full Details file as two parts: the header (with the sequence) and the GAL's records. */
export function fullDetailsParts(header: OabHeader, recipients: Recipient[]): Buffer[] {
  const out = new ByteWriter(1024);
  out.u32(0x20);
  out.u32(header.sequence);
  out.u32(recipients.length);
  const metaSize = 4 + (4 + HEADER_PROPS.length * 8) + (4 + RECORD_PROPS.length * 8);
  out.u32(metaSize);
  for (const table of [HEADER_PROPS, RECORD_PROPS]) {
    out.u32(table.length);
    for (const [tag, flags] of table) {
      out.u32(tag);
      out.u32(flags);
    }
  }
  writeRecord(out, HEADER_PROPS, [header.name, header.dn, header.sequence]);
  return [out.done(), encodeRecords(recipients)];
}

function encodeRecords(recipients: Recipient[]): Buffer {
  const cached = encodedGals.get(recipients);
  if (cached) return cached;
  const out = new ByteWriter(64 + recipients.length * 256);
  for (const r of recipients) {
    writeRecord(out, RECORD_PROPS, [
      r.legacyExchangeDN,
      r.smtp,
      r.displayName,
      r.alias,
      r.givenName,
      r.surname,
      r.proxyAddresses,
      r.kind === 'contact' ? r.targetAddress : undefined,
      DISPLAY_TYPE[r.kind],
      MAPI_MAILUSER,
    ]);
  }
  const encoded = out.done();
  encodedGals.set(recipients, encoded);
  return encoded;
}

/** OAB_V4_REC: cbSize, the presence bit array (MSB first), then the present values in table order. */
function writeRecord(out: ByteWriter, props: Array<[number, number]>, values: Value[]): void {
  const start = out.length;
  out.u32(0);
  const bits = Buffer.alloc(Math.ceil(props.length / 8));
  const present = values.map(isPresent);
  present.forEach((p, i) => {
    if (p) bits[i >> 3] |= 0x80 >> (i & 7);
  });
  out.bytes(bits);
  props.forEach(([tag], i) => {
    if (present[i]) writeValue(out, tag, values[i]!);
  });
  out.patchU32(start, out.length - start);
}

function isPresent(value: Value): boolean {
  if (value === undefined || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

function writeValue(out: ByteWriter, tag: number, value: string | number | string[]): void {
  const type = tag & 0xffff;
  if (type === 0x0003) out.int(value as number);
  else if (type === 0x001e || type === 0x001f) out.string(value as string);
  else if (type === 0x101f || type === 0x101e) {
    const unique = dedupe(value as string[]);
    out.int(unique.length);
    for (const v of unique) out.string(v);
  } else throw new Error(`[mock:exchange] no OAB encoding for property type 0x${type.toString(16)}`);
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
}

/** A growable little-endian byte buffer with the OAB integer and string encodings. */
class ByteWriter {
  private buf: Buffer;
  length = 0;

  constructor(initial: number) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }

  u32(v: number): void {
    this.room(4);
    this.buf.writeUInt32LE(v >>> 0, this.length);
    this.length += 4;
  }

  patchU32(at: number, v: number): void {
    this.buf.writeUInt32LE(v >>> 0, at);
  }

  bytes(b: Buffer): void {
    this.room(b.length);
    b.copy(this.buf, this.length);
    this.length += b.length;
  }

  /** 0x00-0x7F in one byte, otherwise 0x80+n and n little-endian bytes. */
  int(v: number): void {
    if (v >= 0 && v <= 0x7f) {
      this.room(1);
      this.buf[this.length++] = v;
      return;
    }
    const n = v >>> 0 <= 0xff ? 1 : v >>> 0 <= 0xffff ? 2 : v >>> 0 <= 0xffffff ? 3 : 4;
    this.room(1 + n);
    this.buf[this.length++] = 0x80 + n;
    for (let i = 0; i < n; i++) this.buf[this.length++] = (v >>> (8 * i)) & 0xff;
  }

  string(s: string): void {
    const len = Buffer.byteLength(s, 'utf8');
    this.room(len + 1);
    this.buf.write(s, this.length, 'utf8');
    this.length += len;
    this.buf[this.length++] = 0;
  }

  done(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}
