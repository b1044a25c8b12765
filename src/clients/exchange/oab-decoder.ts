/**
 * The client side of the OAB: unpacks the LZX container ([MS-OXOAB] §2.8) and reads the v4 Full
 * Details file (§2.9) into address-book records, as Outlook does with the file it downloaded.
 * Written apart from the mock's writer so the two can disagree.
 */
export interface OabRecord {
  emailAddress?: string;
  smtpAddress?: string;
  displayName?: string;
  account?: string;
  givenName?: string;
  surname?: string;
  proxyAddresses: string[];
  targetAddress?: string;
  displayType?: number;
}

export interface OabDetails {
  version: number;
  serial: number;
  header: Map<number, unknown>;
  records: OabRecord[];
}

export class OabFormatError extends Error {}

export function unpackLzxContainer(file: Uint8Array): Buffer {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buf.length < 16 || buf.readUInt32LE(0) !== 3 || buf.readUInt32LE(4) !== 1)
    throw new OabFormatError('[client:oab] not an OAB LZX file (header version is not 3.1)');
  const blockMax = buf.readUInt32LE(8);
  const target = buf.readUInt32LE(12);
  const out = Buffer.allocUnsafe(target);
  let produced = 0;
  let at = 16;
  while (produced < target) {
    if (at + 16 > buf.length)
      throw new OabFormatError(`[client:oab] the file ends inside a block header at ${at}`);
    const [flags, comp, uncomp] = [buf.readUInt32LE(at), buf.readUInt32LE(at + 4), buf.readUInt32LE(at + 8)];
    if (uncomp > blockMax || uncomp > target - produced)
      throw new OabFormatError(
        `[client:oab] block at ${at} claims ${uncomp} bytes (limit ${Math.min(blockMax, target - produced)})`,
      );
    if (flags === 1)
      throw new OabFormatError('[client:oab] LZX-compressed blocks are not supported by this simulator');
    if (flags !== 0 || comp !== uncomp)
      throw new OabFormatError(`[client:oab] bad block at ${at}: flags ${flags}, sizes ${comp}/${uncomp}`);
    if (at + 16 + comp > buf.length)
      throw new OabFormatError(`[client:oab] block at ${at} runs past the end of the file`);
    buf.copy(out, produced, at + 16, at + 16 + comp);
    produced += comp;
    at += 16 + comp;
  }
  return out;
}

const RECORD_FIELDS: Record<number, keyof OabRecord> = {
  805503006: 'emailAddress',
  972947487: 'smtpAddress',
  805371935: 'displayName',
  973078559: 'account',
  973471775: 'givenName',
  974192671: 'surname',
  2148470815: 'proxyAddresses',
  2148597791: 'targetAddress',
  956301315: 'displayType',
};

/** Where a v4 Full Details file's records are: the record properties and each record's offset. */
export interface OabLayout {
  version: number;
  serial: number;
  header: Map<number, unknown>;
  recordProps: number[];
  offsets: Uint32Array;
}

/** Walks the file's records by their sizes, checking each one decodes, without keeping them. */
export function readLayout(data: Buffer, visit?: (record: OabRecord, index: number) => void): OabLayout {
  const r = new Reader(data);
  const version = r.u32();
  if (version !== 0x20)
    throw new OabFormatError(`[client:oab] not an OAB v4 details file (version 0x${version.toString(16)})`);
  const serial = r.u32();
  const total = r.u32();
  const metaEnd = r.at + r.u32();
  const headerProps = readTable(r);
  const recordProps = readTable(r);
  if (r.at !== metaEnd)
    throw new OabFormatError(`[client:oab] OAB_META size says ${metaEnd}, tables end at ${r.at}`);
  const header = readRecord(r, headerProps);
  const offsets = new Uint32Array(total);
  for (let i = 0; i < total; i++) {
    offsets[i] = r.at;
    const record = toRecord(readRecord(r, recordProps));
    visit?.(record, i);
  }
  return { version, serial, header, recordProps, offsets };
}

/** The record at `offset` (one `readLayout` gave). */
export function readRecordAt(data: Buffer, recordProps: number[], offset: number): OabRecord {
  const r = new Reader(data);
  r.at = offset;
  return toRecord(readRecord(r, recordProps));
}

export function readFullDetails(data: Buffer): OabDetails {
  const records: OabRecord[] = [];
  const { version, serial, header } = readLayout(data, (record) => records.push(record));
  return { version, serial, header, records };
}

function toRecord(values: Map<number, unknown>): OabRecord {
  const record: OabRecord = { proxyAddresses: [] };
  for (const [tag, value] of values) {
    const field = RECORD_FIELDS[tag];
    if (field) (record as unknown as Record<string, unknown>)[field] = value;
  }
  return record;
}

function readTable(r: Reader): number[] {
  const count = r.u32();
  const tags: number[] = [];
  for (let i = 0; i < count; i++) {
    tags.push(r.u32());
    r.u32();
  }
  return tags;
}

function readRecord(r: Reader, tags: number[]): Map<number, unknown> {
  const start = r.at;
  const end = start + r.u32();
  const bits = r.take(Math.ceil(tags.length / 8));
  const values = new Map<number, unknown>();
  tags.forEach((tag, i) => {
    if (bits[i >> 3] & (0x80 >> (i & 7))) values.set(tag, readValue(r, tag));
  });
  if (r.at !== end)
    throw new OabFormatError(`[client:oab] record at ${start} should end at ${end}, read to ${r.at}`);
  return values;
}

function readValue(r: Reader, tag: number): unknown {
  const type = tag & 0xffff;
  if (type & 0x1000) {
    const count = r.int();
    return Array.from({ length: count }, () => readValue(r, tag & ~0x1000));
  }
  switch (type) {
    case 0x0003:
      return r.int();
    case 0x000b:
      return r.take(1)[0] !== 0;
    case 0x001e:
    case 0x001f:
      return r.string();
    case 0x0102:
      return r.take(r.int());
    default:
      throw new OabFormatError(
        `[client:oab] property 0x${tag.toString(16)} has a type this reader does not know`,
      );
  }
}

class Reader {
  at = 0;
  constructor(private readonly buf: Buffer) {}

  private need(n: number): void {
    if (this.at + n > this.buf.length)
      throw new OabFormatError(
        `[client:oab] the file ends at ${this.buf.length}, needed ${n} more bytes at ${this.at}`,
      );
  }

  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32LE(this.at);
    this.at += 4;
    return v;
  }

  take(n: number): Buffer {
    this.need(n);
    const v = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return v;
  }

  int(): number {
    const first = this.take(1)[0];
    if (first <= 0x7f) return first;
    const n = first - 0x80;
    if (n < 1 || n > 4)
      throw new OabFormatError(
        `[client:oab] bad integer length byte 0x${first.toString(16)} at ${this.at - 1}`,
      );
    const bytes = this.take(n);
    let v = 0;
    for (let i = n - 1; i >= 0; i--) v = v * 256 + bytes[i];
    return v;
  }

  string(): string {
    const end = this.buf.indexOf(0, this.at);
    if (end < 0) throw new OabFormatError(`[client:oab] unterminated string at ${this.at}`);
    const v = this.buf.toString('utf8', this.at, end);
    this.at = end + 1;
    return v;
  }
}
