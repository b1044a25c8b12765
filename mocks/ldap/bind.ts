import { bindFailure } from './ad-errors';
import type { Dit, StoredEntry } from './dit';
import { keyOrUndefined } from './dn-keys';
import type { Principal } from './session';

/** Account passwords: one default for every account of the data, plus per-account overrides. */
export class Passwords {
  fallback = 'Passw0rd!';
  readonly accounts = new Map<string, string>();

  set(input: { default?: unknown; accounts?: unknown }): void {
    if (input.default !== undefined) this.fallback = String(input.default);
    if (input.accounts && typeof input.accounts === 'object')
      for (const [name, pw] of Object.entries(input.accounts))
        this.accounts.set(name.toLowerCase(), String(pw));
  }

  of(names: string[]): string {
    for (const n of names) {
      const pw = this.accounts.get(n.toLowerCase());
      if (pw !== undefined) return pw;
    }
    return this.fallback;
  }
}

/**
 * Simple bind as AD takes it: by DN, by userPrincipalName (`user@abc.corp`) or by `ABC\user`. Unknown
 * names and wrong passwords both answer 49 with `data 52e`; a disabled account answers `data 533`.
 * An empty password is an anonymous or, with a name, an unauthenticated bind (RFC 4513 §5.1.2): AD
 * answers success whatever the name, unless its dSHeuristics deny it, and the session stays anonymous.
 */
export function bind(dit: Dit, passwords: Passwords, name: string, password: string): Principal {
  if (password === '') return { kind: 'anonymous' };
  if (isAdministrator(dit, name)) {
    if (password !== passwords.of(['administrator'])) throw bindFailure('52e');
    return { kind: 'administrator' };
  }
  const account = resolveAccount(dit, name);
  if (!account) throw bindFailure('52e');
  const names = [
    account.dn,
    ...account.entry.texts('sAMAccountName'),
    ...account.entry.texts('userPrincipalName'),
  ];
  if (password !== passwords.of(names)) throw bindFailure('52e');
  if ((Number(account.entry.first('userAccountControl') ?? 0) & 2) !== 0) throw bindFailure('533');
  return { kind: 'account', dn: account.dn };
}

function isAdministrator(dit: Dit, name: string): boolean {
  const n = name.toLowerCase();
  return (
    n === `administrator@${dit.domain}` ||
    n === `${dit.netbios.toLowerCase()}\\administrator` ||
    (name.includes('=') && keyOrUndefined(name) === keyOrUndefined(`CN=Administrator,CN=Users,${dit.baseDn}`))
  );
}

/** The security principal a bind name stands for (users only: contacts and groups cannot sign in). */
export function resolveAccount(dit: Dit, name: string): StoredEntry | undefined {
  let found: StoredEntry | undefined;
  const slash = name.indexOf('\\');
  if (name.includes('=')) found = dit.get(name);
  else if (name.includes('@')) found = dit.indexes.get('userprincipalname')!.equal(name.toLowerCase())[0];
  else if (slash > 0 && name.slice(0, slash).toLowerCase() === dit.netbios.toLowerCase())
    found = dit.indexes.get('samaccountname')!.equal(name.slice(slash + 1).toLowerCase())[0];
  return found?.entry.isA('user') ? found : undefined;
}
