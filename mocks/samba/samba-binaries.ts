import { existsSync } from 'node:fs';

/** What a Samba AD DC needs on this host: package -> a file that shows it is installed. */
export const SAMBA_PACKAGES: Record<string, string> = {
  samba: '/usr/sbin/samba',
  'samba-ad-dc': '/usr/share/doc/samba-ad-dc',
  'samba-ad-provision': '/usr/share/samba/setup/provision.ldif',
  'samba-dsdb-modules': '/usr/share/doc/samba-dsdb-modules',
};

export const SAMBA = '/usr/sbin/samba';
export const SAMBA_TOOL = '/usr/bin/samba-tool';

/** Throws naming the missing packages and the command that installs them; Samba runs as root only. */
export function requireSamba(): void {
  const missing = Object.keys(SAMBA_PACKAGES).filter((p) => !existsSync(SAMBA_PACKAGES[p]));
  if (missing.length)
    throw new Error(
      `[samba] Samba's AD domain controller is not installed (missing: ${missing.join(', ')}); ` +
        `install it with: node scripts/system-tools.js (as root), or apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    throw new Error(
      '[samba] a Samba AD DC listens on port 389 and must run as root; run the harness as root',
    );
}
