import { dnKey } from '../../src/tenant/dn';
import type { AttributeValue } from '../../src/tenant/entry';
import { cut, hashLane } from './binary-values';

/** An entry as the directory holds it: what numbering SIDs reads of it. */
interface HeldEntry {
  entry: { get(name: string): AttributeValue[] };
}

/** What numbering SIDs reads and writes of the directory (the Dit's shape, so neither imports the other). */
export interface SidDirectory<Stored extends HeldEntry> {
  baseDn: string;
  byDn: { get(key: string): Stored | undefined };
  all(): Iterable<Stored>;
  replaceAttribute(stored: Stored, name: string, values: AttributeValue[]): void;
}

/** The first RID the mock hands out, as a new domain's first user-made account gets. */
const FIRST_RID = 1000;

/**
 * objectSid of the security principals AD would have given one: `S-1-5-21-x-y-z-RID` (28 bytes,
 * sub-authorities little-endian). The domain part is the naming-context head's own objectSid when the
 * data has one, else derived from the forest's name; RIDs start above every RID the data already uses
 * in that domain. During a load the domain is not known yet: SIDs are cut then and numbered by settle().
 */
export class SidAllocator {
  nextRid = FIRST_RID;
  private domain: number[] | undefined;
  private pending: Uint8Array[] = [];

  /** A new principal's SID (numbered now, or when the load settles). */
  next(): Uint8Array {
    const sid = cut(28);
    sid.set([1, 5, 0, 0, 0, 0, 0, 5]);
    writeUint32(sid, 8, 21);
    if (this.domain) this.number(sid);
    else this.pending.push(sid);
    return sid;
  }

  /** Picks the domain once the directory is named and loaded, and numbers the SIDs cut meanwhile. */
  settle<Stored extends HeldEntry>(dit: SidDirectory<Stored>): void {
    const head = dit.byDn.get(dnKey(dit.baseDn));
    const own = head?.entry.get('objectSid')[0];
    this.domain = isDomainSid(own) ? [12, 16, 20].map((at) => readUint32(own, at)) : derived(dit.baseDn);
    for (const stored of dit.all())
      for (const sid of stored.entry.get('objectSid')) {
        const rid = ridIn(sid, this.domain);
        if (rid !== undefined && rid >= this.nextRid) this.nextRid = rid + 1;
      }
    for (const sid of this.pending) this.number(sid);
    this.pending = [];
    if (head && own === undefined) dit.replaceAttribute(head, 'objectSid', [this.domainSid()]);
  }

  private number(sid: Uint8Array): void {
    this.writeDomain(sid);
    writeUint32(sid, 24, this.nextRid++);
  }

  private writeDomain(sid: Uint8Array): void {
    for (let i = 0; i < 3; i++) writeUint32(sid, 12 + 4 * i, this.domain![i]);
  }

  private domainSid(): Uint8Array {
    const sid = cut(24);
    sid.set([1, 4, 0, 0, 0, 0, 0, 5]);
    writeUint32(sid, 8, 21);
    this.writeDomain(sid);
    return sid;
  }
}

/** Three sub-authorities hashed from the naming context: the same forest always gets the same domain SID. */
function derived(baseDn: string): number[] {
  const text = dnKey(baseDn);
  return [1, 2, 3].map((lane) => hashLane(text, lane));
}

function isDomainSid(value: AttributeValue | undefined): value is Uint8Array {
  return value instanceof Uint8Array && value.length === 24 && value[1] === 4 && readUint32(value, 8) === 21;
}

/** The RID of a principal's SID in this domain, or undefined. */
function ridIn(sid: AttributeValue, domain: number[]): number | undefined {
  if (!(sid instanceof Uint8Array) || sid.length !== 28 || sid[1] !== 5 || readUint32(sid, 8) !== 21)
    return undefined;
  return domain.every((value, i) => readUint32(sid, 12 + 4 * i) === value) ? readUint32(sid, 24) : undefined;
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

function writeUint32(bytes: Uint8Array, at: number, value: number): void {
  for (let i = 0; i < 4; i++) bytes[at + i] = (value >>> (8 * i)) & 0xff;
}

/** `S-1-5-21-…` text of a binary SID (for messages and tests). */
export function sidText(sid: Uint8Array): string {
  const authority = sid.subarray(2, 8).reduce((n, b) => n * 256 + b, 0);
  const subs = Array.from({ length: sid[1] }, (_, i) => readUint32(sid, 8 + 4 * i));
  return ['S', sid[0], authority, ...subs].join('-');
}
