/** A live directory could not be read; the message says what failed and what to do. */
export class LiveDirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LiveDirectoryError';
  }
}

const PASSWORD_HELP = 'check --bind-dn and the password (LYNC_HARNESS_BIND_PASSWORD, or the prompt)';

/** What AD's `data NNN` of a failed bind (result 49) means. */
const AD_BIND_DATA: Record<string, string> = {
  '525': 'no such account',
  '52e': 'unknown account or wrong password',
  '530': 'not allowed to sign in at this time',
  '531': 'not allowed to sign in from this workstation',
  '532': 'the password has expired',
  '533': 'the account is disabled',
  '701': 'the account has expired',
  '773': 'the password must be changed before the first sign-in',
  '775': 'the account is locked out',
};

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
]);

interface Failure {
  code?: number | string;
  message?: string;
}

/** Turns an ldapts or socket error into one line saying what failed and what to do next. */
export function explainLiveError(
  error: unknown,
  source: { url: string; bindDn?: string; baseDn?: string },
  step: string,
): LiveDirectoryError {
  if (error instanceof LiveDirectoryError) return error;
  const e = (error ?? {}) as Failure;
  const text = (e.message ?? String(error)).replace(/\s+/g, ' ').trim();
  const { url, bindDn } = source;
  if (e.code === 49) {
    const data = /data ([0-9a-f]{3})/i.exec(text)?.[1]?.toLowerCase();
    const meaning = data ? `, AD data ${data}: ${AD_BIND_DATA[data] ?? 'see AD bind error codes'}` : '';
    return new LiveDirectoryError(
      `[tenant:ldap] ${url} refused the bind as "${bindDn}" (invalid credentials, result 49${meaning}): ${PASSWORD_HELP}`,
    );
  }
  if (!bindDn && (e.code === 1 || e.code === 50) && step !== 'bind') {
    const ad = /000004DC|successful bind must be completed/i.test(text);
    return new LiveDirectoryError(
      `[tenant:ldap] ${url} refuses anonymous reads${ad ? ' (Active Directory needs a bound account)' : ''}: ` +
        `give --bind-dn (a DN; AD also takes user@domain or DOMAIN\\user) and set LYNC_HARNESS_BIND_PASSWORD (${text})`,
    );
  }
  if (e.code === 32 && step === 'read') {
    const advice = source.baseDn
      ? "leave the DN out of the URL to read the rootDSE's naming context, or give one that exists"
      : 'the directory may hide it from this account: give --bind-dn, or the base DN in the URL';
    return new LiveDirectoryError(
      `[tenant:ldap] the base DN "${source.baseDn ?? '(from the rootDSE)'}" does not exist on ${url} (noSuchObject): ${advice}`,
    );
  }
  if (typeof e.code === 'string' && UNREACHABLE.has(e.code)) return unreachable(url, e.code);
  if (/^Connection timeout$/.test(text)) return unreachable(url, 'no answer within 10 s');
  const tls =
    /CERT|TLS|SSL|EPROTO|SELF_SIGNED|UNABLE_TO/.test(String(e.code)) || /secure TLS connection/i.test(text);
  if (url.startsWith('ldaps:') && tls) {
    return new LiveDirectoryError(
      `[tenant:ldap] TLS with ${url} failed (${e.code}: ${text}): for a private CA, set NODE_EXTRA_CA_CERTS ` +
        'to its PEM file; check that the port speaks LDAPS (636), or use ldap://',
    );
  }
  const code = e.code === undefined ? '' : ` (result ${e.code})`;
  return new LiveDirectoryError(`[tenant:ldap] reading ${url} failed at the ${step}${code}: ${text}`);
}

function unreachable(url: string, why: string): LiveDirectoryError {
  return new LiveDirectoryError(
    `[tenant:ldap] cannot reach ${url} (${why}): check the host name and port (389 for ldap://, 636 for ` +
      'ldaps://), that the directory is running, and that this machine may connect to it',
  );
}
