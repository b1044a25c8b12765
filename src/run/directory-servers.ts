import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_CONFIG_ENV, readRunConfig } from './run-config';

/** A real directory server that answered a forest's LDAP role (`--ldap samba`), as its load reported it. */
export interface DirectoryServerRecord {
  service: string;
  /** e.g. `Samba AD DC 4.17.12-Debian` */
  server: string;
  /** Seconds from starting the DC to the end of its load (the template copy, the objects, the ACL). */
  loadSeconds: number;
  /** Seconds spent provisioning the domain template; 0 when a cached one was used. */
  provisionSeconds: number;
  entries: number;
}

const FOLDER = 'directory-servers';

/**
 * Kept by a worker in the run's folder (workers share no memory with the run), one file per load;
 * nothing is kept outside a run (serve, a test).
 */
export function recordDirectoryServer(record: DirectoryServerRecord): void {
  if (!process.env[RUN_CONFIG_ENV]) return;
  const { outDir, runId } = readRunConfig();
  const dir = join(outDir, FOLDER, runId);
  mkdirSync(dir, { recursive: true });
  const file = `${record.service.replaceAll('/', '_')}-${process.pid}-${Date.now()}.json`;
  writeFileSync(join(dir, file), JSON.stringify(record));
}

/** Every load the run's workers recorded (an earlier run into the same folder is not this one's). */
export function readDirectoryServers(outDir: string, runId: string): DirectoryServerRecord[] {
  const dir = join(outDir, FOLDER, runId);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as DirectoryServerRecord);
}

/** One line for the report: the real directory server that witnessed beside the mock DCs, and its loads. */
export function directoryServersLine(records: DirectoryServerRecord[]): string | undefined {
  if (!records.length) return undefined;
  const servers = [...new Set(records.map((r) => r.server))].join(', ');
  const loads = records
    .map(
      (r) =>
        `${r.service}: ${r.entries.toLocaleString('en')} objects loaded in ${r.loadSeconds.toFixed(1)} s` +
        (r.provisionSeconds ? ` (domain provisioned in ${r.provisionSeconds.toFixed(1)} s)` : ''),
    )
    .join('; ');
  return `the third witness: ${servers} beside each forest's mock DC, seeded alike and asked every directory check (model, mock DC and Samba must agree; Samba's answers where it is not AD are allowed differences, each with its reason); ${loads}`;
}
