import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LiveDirectoryError, readLiveDirectory } from '../tenant/live-directory';
import { snapshotHeader, writeSnapshot } from '../tenant/live-snapshot';
import { promptHidden } from './password-prompt';
import { UsageError } from './usage-error';

/** Where the bind password comes from: never the command line (other users can read a process's arguments). */
export const BIND_PASSWORD_ENV = 'LYNC_HARNESS_BIND_PASSWORD';

export interface LiveTenant {
  /** `onpremises` / `online` when the argument was prefixed. */
  role?: string;
  /** `ldap://host:port` or `ldaps://host:port`, without the base DN. */
  url: string;
  baseDn?: string;
}

const LIVE = /^(?:(onpremises|online)=)?(ldaps?:\/\/.*)$/i;

/** A `--tenant` that names a live directory (`[role=]ldap[s]://HOST[:PORT][/BASE-DN]`); undefined for a file. */
export function parseLiveTenant(arg: string): LiveTenant | undefined {
  const match = LIVE.exec(arg);
  if (!match) return undefined;
  let url: URL;
  try {
    url = new URL(match[2]);
  } catch {
    throw new UsageError(`--tenant ${arg}: not an LDAP URL; write ldap://HOST[:PORT] or ldaps://HOST[:PORT]`);
  }
  if (url.username || url.password)
    throw new UsageError(
      `--tenant ${url.protocol}//…@${url.host}: no account or password in the URL; give --bind-dn and set ${BIND_PASSWORD_ENV}`,
    );
  if (!url.hostname || url.search || url.hash)
    throw new UsageError(
      `--tenant ${arg}: write ldap://HOST[:PORT][/BASE-DN] (no attributes, scope or filter)`,
    );
  const baseDn = decodeURIComponent(url.pathname.replace(/^\//, ''));
  return {
    role: match[1]?.toLowerCase(),
    url: `${url.protocol.toLowerCase()}//${url.host}`,
    ...(baseDn ? { baseDn } : {}),
  };
}

/**
 * Reads each live `--tenant` once, writes what it read as an LDIF snapshot into the run's folder
 * (`tenant/live-N.ldif`, copied to the matching `--save-tenant` file) and returns the tenant arguments
 * with each live source replaced by `[role=]<snapshot path>`; file arguments stay as they are.
 */
export async function resolveLiveTenants(
  tenantArgs: string[],
  options: { bindDn: string[]; outDir: string; saveTenant: string[] },
): Promise<string[]> {
  const live = tenantArgs.map(parseLiveTenant);
  const count = live.filter(Boolean).length;
  if (count === 0) return tenantArgs;
  if (options.saveTenant.length > 0 && options.saveTenant.length !== count)
    throw new UsageError(saveTenantMismatch(options.saveTenant.length, count));
  const passwords = await bindPasswords(options.bindDn);
  const resolved: string[] = [];
  let n = 0;
  for (const [index, arg] of tenantArgs.entries()) {
    const source = live[index];
    if (!source) {
      resolved.push(arg);
      continue;
    }
    const account = options.bindDn.length > 1 ? n : 0;
    const file = await snapshot(
      source,
      options.bindDn[account],
      passwords[account],
      resolve(options.outDir, 'tenant', `live-${++n}.ldif`),
    );
    const copy = options.saveTenant[n - 1];
    if (copy) saveCopy(file, copy);
    resolved.push(source.role ? `${source.role}=${file}` : file);
  }
  return resolved;
}

export function saveTenantMismatch(saves: number, lives: number): string {
  return `--save-tenant was given ${saves} time(s) for ${lives} live --tenant source(s): give one per ldap:// or ldaps:// --tenant, in the same order`;
}

async function snapshot(
  source: LiveTenant,
  bindDn: string | undefined,
  password: string | undefined,
  file: string,
): Promise<string> {
  const started = Date.now();
  process.stderr.write(
    `lync-harness run: reading ${source.url} ${bindDn ? `as ${bindDn}` : 'anonymously'}…\n`,
  );
  let read: Awaited<ReturnType<typeof readLiveDirectory>>;
  try {
    read = await readLiveDirectory({ url: source.url, bindDn, password, baseDn: source.baseDn });
  } catch (error) {
    if (error instanceof LiveDirectoryError) throw new UsageError(error.message);
    throw error;
  }
  if (read.entries.length === 0)
    throw new UsageError(
      `[tenant:ldap] ${source.url} returned no object under ${read.baseDn}: the account may not see them; give --bind-dn`,
    );
  mkdirSync(dirname(file), { recursive: true });
  writeSnapshot(file, snapshotHeader(source.url, read.baseDn, bindDn, new Date()), read.entries);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `lync-harness run: read ${read.entries.length} objects under ${read.baseDn} in ${seconds} s: ${file}\n`,
  );
  return file;
}

function saveCopy(file: string, copy: string): void {
  try {
    mkdirSync(dirname(resolve(copy)), { recursive: true });
    copyFileSync(file, copy);
  } catch (error) {
    throw new UsageError(
      `--save-tenant ${copy}: cannot write it (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
}

/** The password of each --bind-dn account, in order: see bindPassword. */
async function bindPasswords(bindDns: string[]): Promise<string[]> {
  const passwords: string[] = [];
  for (const [i, dn] of bindDns.entries())
    passwords.push(await bindPassword(dn, i === 0 ? BIND_PASSWORD_ENV : `${BIND_PASSWORD_ENV}_${i + 1}`));
  return passwords;
}

/** A --bind-dn account's password: from its environment variable, else typed at a prompt that does not echo. */
async function bindPassword(bindDn: string, variable: string): Promise<string> {
  const fromEnv = process.env[variable];
  // Read once: the Cucumber workers this run starts never see it.
  delete process.env[variable];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY)
    throw new UsageError(
      `--bind-dn ${bindDn} needs its password in ${variable} (standard input is not a terminal, so the run cannot ask for it)`,
    );
  const typed = await promptHidden(`Password for ${bindDn}: `, process.stdin, process.stderr);
  if (!typed) throw new UsageError(`no password typed for --bind-dn ${bindDn}`);
  return typed;
}
