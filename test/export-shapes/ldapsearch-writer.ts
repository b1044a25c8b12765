import { parseDn } from '../../src/tenant/dn';
import type { AttributeValue, DirectoryEntry } from '../../src/tenant/entry';

export interface LdapsearchOptions {
  /** `-LLL` (entries only), `-L` (`version: 1` and comments) or neither ("extended LDIF", with a trailer). */
  mode: 'LLL' | 'L' | 'extended';
  /** Columns before folding: 76 by default; `false` is `-o ldif-wrap=no`. */
  wrap?: number | false;
  /** The search base, printed in the header comment. */
  base: string;
  filter?: string;
  /** The continuation references AD returns for a subtree search from a domain head. */
  references?: string[];
}

/**
 * A file as OpenLDAP's `ldapsearch` writes it (LF, UTF-8). A value goes plain when it is printable ASCII,
 * starts with neither a space, `:` nor `<`, does not end in a space and its name has no `;binary`;
 * otherwise base64. A value or DN line is folded when it reaches `wrap` columns (a continuation line
 * counts its leading space); a comment one column later.
 */
export function ldapsearch(entries: Iterable<DirectoryEntry>, options: LdapsearchOptions): Buffer {
  const wrap = options.wrap === false ? Number.MAX_SAFE_INTEGER : (options.wrap ?? 76);
  const commented = options.mode !== 'LLL';
  const out: string[] = [];
  if (options.mode === 'extended') out.push('# extended LDIF\n');
  if (options.mode === 'L') out.push('version: 1\n\n');
  if (commented)
    out.push(
      bytes(
        `#\n# LDAPv3\n# base <${options.base}> with scope subtree\n# filter: ${options.filter ?? '(objectclass=*)'}\n`,
      ),
      '# requesting: ALL\n#\n\n',
    );
  let responses = 0;
  let count = 0;
  const separate = () => {
    if (responses++) out.push('\n');
  };
  for (const entry of entries) {
    separate();
    count++;
    if (commented) out.push(comment(userFriendlyName(entry.dn), wrap));
    out.push(valueLine('dn', entry.dn, wrap));
    for (const name of entry.names())
      for (const value of entry.get(name)) out.push(valueLine(name, value, wrap));
  }
  const references = options.references ?? [];
  for (const url of references) {
    separate();
    if (commented) out.push('# search reference\n');
    out.push(options.mode === 'extended' ? valueLine('ref', url, wrap) : comment(`ref${url}`, wrap));
  }
  separate();
  if (commented) out.push('# search result\n');
  if (options.mode === 'extended') out.push('search: 2\nresult: 0 Success\n');
  if (commented) {
    out.push(`\n# numResponses: ${responses}\n`);
    if (count) out.push(`# numEntries: ${count}\n`);
    if (references.length) out.push(`# numReferences: ${references.length}\n`);
  }
  return Buffer.from(out.join(''), 'latin1');
}

/** The UTF-8 bytes of a text as a string of one character per byte: ldapsearch folds bytes, not characters. */
function bytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

function valueLine(name: string, value: AttributeValue, wrap: number): string {
  const raw = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
  if (raw.length === 0) return `${name}:\n`;
  if (printable(raw) && !name.toLowerCase().includes(';binary') && name.toLowerCase() !== 'userpassword')
    return folded(`${name}: `, raw.toString('latin1'), (column) => column >= wrap);
  return folded(`${name}:: `, raw.toString('base64'), (column) => column >= wrap);
}

/** A comment, folded one column later than values, possibly inside a multi-byte character (as ldapsearch does). */
function comment(text: string, wrap: number): string {
  return folded('# ', bytes(text), (column) => column > wrap);
}

/** Writes `head` then `text`, starting a continuation line (" ") whenever `full(column)` says so. */
function folded(head: string, text: string, full: (column: number) => boolean): string {
  let column = head.length;
  let out = head;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (full(column)) {
      out += `${text.slice(from, i)}\n `;
      from = i;
      column = 1;
    }
    column++;
  }
  return `${out}${text.slice(from)}\n`;
}

const isGraph = (byte: number) => byte > 0x20 && byte < 0x7f;

function printable(raw: Buffer): boolean {
  const first = raw[0];
  if (!isGraph(first) || first === 0x3a || first === 0x3c || !isGraph(raw[raw.length - 1])) return false;
  return raw.every((b) => b >= 0x20 && b < 0x7f);
}

/** ldap_dn2ufn's rendering: RDN values separated by ", ", the DC= tail as a DNS name. */
function userFriendlyName(dn: string): string {
  const rdns = parseDn(dn).map((rdn) => ({ type: rdn[0].type.toLowerCase(), value: rdn[0].value }));
  let tail = rdns.length;
  while (tail > 0 && rdns[tail - 1].type === 'dc') tail--;
  const parts = rdns.slice(0, tail).map((r) => r.value);
  if (tail < rdns.length)
    parts.push(
      rdns
        .slice(tail)
        .map((r) => r.value)
        .join('.'),
    );
  return parts.join(', ');
}
