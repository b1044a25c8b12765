import { closeSync, openSync, writeSync } from 'node:fs';
import type { DirectoryEntry } from './entry';
import { writeLdif } from './ldif-writer';

/**
 * The first line of the LDIF snapshot a run writes for a live `--tenant ldap://...`: it names the
 * directory the snapshot was read from (never a password), so the manifest and a later offline run
 * that loads a `--save-tenant` copy can tell.
 */
const FIRST_LINE = '# lync-harness snapshot read live from ';

export function snapshotHeader(url: string, baseDn: string, bindDn: string | undefined, at: Date): string {
  const account = bindDn ? `bound as ${bindDn}` : 'anonymous';
  return `${FIRST_LINE}${url}\n# base DN ${baseDn}, ${account}, at ${at.toISOString()}\n`;
}

/** The live source URL a snapshot was read from, or undefined for any other LDIF. */
export function liveSourceOf(ldif: Buffer | string): string | undefined {
  const head = (typeof ldif === 'string' ? ldif.slice(0, 512) : ldif.subarray(0, 512).toString('utf8'))
    .split('\n', 1)[0]
    .trimEnd();
  return head.startsWith(FIRST_LINE) ? head.slice(FIRST_LINE.length) : undefined;
}

/** Writes the snapshot as writeLdif would, a thousand entries at a time: a 100,000-object forest is never one string. */
export function writeSnapshot(file: string, header: string, entries: DirectoryEntry[]): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `${header}version: 1\n`);
    for (let i = 0; i < entries.length; i += 1000)
      writeSync(fd, `\n${writeLdif(entries.slice(i, i + 1000), false)}`);
  } finally {
    closeSync(fd);
  }
}
