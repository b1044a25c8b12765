import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOCKS = join(tmpdir(), 'lync-harness-samba-addresses');

export interface LoopbackAddress {
  address: string;
  release(): void;
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
  if (holderAlive(lock)) return false;
  rmSync(lock, { force: true });
  return claimOnce(lock);
}

function claimOnce(lock: string): boolean {
  try {
    const fd = openSync(lock, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch {
    return false;
  }
}

function holderAlive(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
