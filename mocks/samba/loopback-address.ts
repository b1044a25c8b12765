import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOCKS = join(tmpdir(), 'lync-harness-samba-addresses');

export interface LoopbackAddress {
  address: string;
  release(): void;
}

/** Set by the harness for a DC in a container: the address it took (and holds) on the host for it. */
export const SAMBA_ADDRESS_VARIABLE = 'LYNC_HARNESS_SAMBA_ADDRESS';

/**
 * The address the harness took for this DC's container (`LYNC_HARNESS_SAMBA_ADDRESS`, released by the
 * harness), or a loopback address taken here.
 */
export function loopbackAddressForDc(): LoopbackAddress {
  const given = process.env[SAMBA_ADDRESS_VARIABLE];
  if (!given) return takeLoopbackAddress();
  if (!/^127\.0\.0\.(\d{1,3})$/.test(given) || given === '127.0.0.1')
    throw new Error(
      `[samba] ${SAMBA_ADDRESS_VARIABLE} must be a loopback address 127.0.0.2-254, got "${given}"`,
    );
  return { address: given, release: () => undefined };
}

/**
 * A loopback address of its own for one domain controller (127.0.0.2, 127.0.0.3, ...): Samba's LDAP
 * ports are fixed at 389/636, so two DCs on one host need two addresses. Held by a lock file naming
 * this process; a lock whose process is gone is taken over. Never a non-loopback address.
 */
export function takeLoopbackAddress(): LoopbackAddress {
  mkdirSync(LOCKS, { recursive: true });
  for (let last = 2; last < 255; last++) {
    const address = `127.0.0.${last}`;
    const lock = join(LOCKS, address);
    if (!claim(lock)) continue;
    return { address, release: () => rmSync(lock, { force: true }) };
  }
  throw new Error(`[samba] every loopback address 127.0.0.2-254 is taken (locks in ${LOCKS})`);
}

function claim(lock: string): boolean {
  if (claimOnce(lock)) return true;
  const holder = holderOf(lock);
  if (holder === undefined || alive(holder)) return false;
  // Take over a dead holder's lock only if it is still that one (another process may be doing the same).
  const aside = `${lock}.${process.pid}.stale`;
  try {
    renameSync(lock, aside);
  } catch {
    return false;
  }
  if (holderOf(aside) !== holder) {
    // Someone else's fresh lock was moved aside: put it back and leave this address.
    try {
      linkSync(aside, lock);
    } catch {}
    rmSync(aside, { force: true });
    return false;
  }
  rmSync(aside, { force: true });
  return claimOnce(lock);
}

/** Creates the lock with this process's id already in it (link fails when it exists): never an empty lock. */
function claimOnce(lock: string): boolean {
  const mine = `${lock}.${process.pid}.new`;
  writeFileSync(mine, String(process.pid));
  try {
    linkSync(mine, lock);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(mine, { force: true });
  }
}

function holderOf(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
