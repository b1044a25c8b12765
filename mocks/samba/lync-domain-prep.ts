import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Client } from 'ldapts';
import { SAMBA_TOOL } from './samba-binaries';

/** Lync Server's administrators' group, made by its forest preparation. */
export const LYNC_ADMINS = 'RTCUniversalServerAdmins';
/** The schemaIDGUID of AD's User class (the same in every forest). */
const USER_CLASS = 'bf967aba-0de6-11d0-a285-00aa003049e2';

export interface DomainPrepTarget {
  client: Client;
  url: string;
  conf: string;
  baseDn: string;
  workgroup: string;
  adminPassword: string;
}

/**
 * What Lync's domain preparation (Enable-CsAdDomain) grants and the rules meet: RTCUniversalServerAdmins
 * may write the msRTCSIP-* attributes of every user in the domain, by one write-property ACE per
 * attribute on the domain head, inherited by user objects only. Nothing is granted when the forest has
 * no such group. Returns the ACEs added, in SDDL.
 */
export async function grantLyncAdmins(target: DomainPrepTarget): Promise<string[]> {
  const sid = await groupSid(target.client, target.baseDn, LYNC_ADMINS);
  if (!sid) return [];
  const guids = await lyncAttributeGuids(target.client, `CN=Schema,CN=Configuration,${target.baseDn}`);
  const aces = guids.map((guid) => `(OA;CIIO;WP;${guid};${USER_CLASS};${sid})`);
  if (!aces.length) return [];
  try {
    await promisify(execFile)(SAMBA_TOOL, [
      'dsacl',
      'set',
      '-s',
      target.conf,
      '-H',
      target.url,
      `-U${target.workgroup}\\Administrator`,
      `--password=${target.adminPassword}`,
      `--objectdn=${target.baseDn}`,
      `--sddl=${aces.join('')}`,
    ]);
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`[samba] granting ${LYNC_ADMINS} the Lync attributes failed: ${e.stderr || e.message}`);
  }
  return aces;
}

async function groupSid(client: Client, baseDn: string, name: string): Promise<string | undefined> {
  const { searchEntries } = await client.search(baseDn, {
    scope: 'sub',
    filter: `(&(objectCategory=group)(sAMAccountName=${name}))`,
    attributes: ['objectSid'],
    explicitBufferAttributes: ['objectSid'],
  });
  const value = searchEntries[0]?.objectSid;
  return Buffer.isBuffer(value) ? sidText(value) : undefined;
}

async function lyncAttributeGuids(client: Client, schemaDn: string): Promise<string[]> {
  const { searchEntries } = await client.search(schemaDn, {
    scope: 'one',
    filter: '(&(objectClass=attributeSchema)(lDAPDisplayName=msRTCSIP-*))',
    attributes: ['schemaIDGUID'],
    explicitBufferAttributes: ['schemaIDGUID'],
  });
  return searchEntries
    .map((e) => e.schemaIDGUID)
    .filter((v): v is Buffer => Buffer.isBuffer(v))
    .map(guidText);
}

/** A binary SID as S-1-5-21-...: revision, count, 48-bit big-endian authority, little-endian sub-authorities. */
export function sidText(sid: Buffer): string {
  const count = sid[1];
  const authority = sid.readUIntBE(2, 6);
  const subs = Array.from({ length: count }, (_, i) => sid.readUInt32LE(8 + 4 * i));
  return ['S', sid[0], authority, ...subs].join('-');
}

/** A binary GUID as text: the first three fields are little-endian. */
export function guidText(guid: Buffer): string {
  const hex = (b: Buffer) => b.toString('hex');
  const swapped = Buffer.concat([
    Buffer.from(guid.subarray(0, 4)).reverse(),
    Buffer.from(guid.subarray(4, 6)).reverse(),
    Buffer.from(guid.subarray(6, 8)).reverse(),
  ]);
  return [
    hex(swapped.subarray(0, 4)),
    hex(swapped.subarray(4, 6)),
    hex(swapped.subarray(6, 8)),
    hex(guid.subarray(8, 10)),
    hex(guid.subarray(10, 16)),
  ].join('-');
}
