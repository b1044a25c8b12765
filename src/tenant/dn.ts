/**
 * Distinguished names as AD compares them (RFC 4514): `CN=Ren\c3\a9e`, `CN=Renée` and `cn = renée` are
 * one DN. Values are read with their escapes (`\,`, `\2C`, hex bytes of UTF-8), `"quoted"` values
 * (RFC 2253) and `;` separators; spaces around separators do not count.
 */

/** One attribute type and value of an RDN; the value unescaped (plain UTF-8 text). */
export interface Ava {
  type: string;
  value: string;
}

/** An RDN: usually one Ava, several when multi-valued (`CN=a+UID=b`). */
export type Rdn = Ava[];

export class DnSyntaxError extends Error {
  constructor(
    readonly dn: string,
    problem: string,
  ) {
    super(`invalid DN "${dn.length > 80 ? `${dn.slice(0, 80)}…` : dn}": ${problem}`);
    this.name = 'DnSyntaxError';
  }
}

const TYPE = /^(?:[A-Za-z][A-Za-z0-9-]*|(?:OID\.)?\d+(?:\.\d+)*)$/;
const HEX = /^[0-9A-Fa-f]{2}$/;

/** Parses a DN into its RDNs, outermost last (`CN=x,DC=corp` gives [[CN=x], [DC=corp]]). Throws DnSyntaxError. */
export function parseDn(dn: string): Rdn[] {
  const rdns: Rdn[] = [];
  if (dn.trim() === '') return rdns;
  let rdn: Rdn = [];
  let i = 0;
  while (i <= dn.length) {
    const eq = dn.indexOf('=', i);
    if (eq < 0) throw new DnSyntaxError(dn, `"${dn.slice(i).trim()}" has no "="`);
    const type = dn.slice(i, eq).trim();
    if (!TYPE.test(type)) throw new DnSyntaxError(dn, `"${type}" is not an attribute type`);
    const { value, end } = readValue(dn, eq + 1);
    rdn.push({ type, value });
    const separator = dn[end];
    if (separator === '+') {
      i = end + 1;
      continue;
    }
    rdns.push(rdn);
    rdn = [];
    if (separator === undefined) break;
    i = end + 1;
  }
  return rdns;
}

/** Reads one value from `start`; returns it unescaped and the index of the separator after it. */
function readValue(dn: string, start: number): { value: string; end: number } {
  let i = start;
  while (dn[i] === ' ') i++;
  if (dn[i] === '"') return readQuoted(dn, i + 1);
  if (dn[i] === '#') return readHexString(dn, i + 1);
  const bytes: number[] = [];
  let text = '';
  let trailingSpaces = 0;
  const flush = () => {
    if (bytes.length) text += decodeUtf8(bytes.splice(0), dn);
  };
  for (; i < dn.length; i++) {
    const c = dn[i];
    if (c === ',' || c === '+' || c === ';') break;
    if (c === '\\') {
      const pair = dn.slice(i + 1, i + 3);
      if (HEX.test(pair)) {
        bytes.push(Number.parseInt(pair, 16));
        i += 2;
      } else if (i + 1 < dn.length) {
        flush();
        text += dn[++i];
      } else throw new DnSyntaxError(dn, 'it ends in a lone "\\"');
      trailingSpaces = 0;
      continue;
    }
    flush();
    text += c;
    trailingSpaces = c === ' ' ? trailingSpaces + 1 : 0;
  }
  flush();
  return { value: trailingSpaces ? text.slice(0, -trailingSpaces) : text, end: i };
}

function readQuoted(dn: string, start: number): { value: string; end: number } {
  let text = '';
  let i = start;
  for (; i < dn.length && dn[i] !== '"'; i++) text += dn[i] === '\\' ? dn[++i] : dn[i];
  if (dn[i] !== '"') throw new DnSyntaxError(dn, 'a quoted value is not closed');
  i++;
  while (dn[i] === ' ') i++;
  return { value: text, end: i };
}

/** `#04...`: a BER-encoded value; kept as its hex text (AD never writes these in names it returns). */
function readHexString(dn: string, start: number): { value: string; end: number } {
  let i = start;
  while (i < dn.length && /[0-9A-Fa-f]/.test(dn[i])) i++;
  const value = `#${dn.slice(start, i)}`;
  while (dn[i] === ' ') i++;
  return { value, end: i };
}

function decodeUtf8(bytes: number[], dn: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    throw new DnSyntaxError(dn, 'its hex escapes are not UTF-8');
  }
}

/** Escapes a value as AD writes it in the DNs it returns: specials with a backslash, UTF-8 as is. */
export function escapeDnValue(value: string): string {
  let out = value.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/\0/g, '\\00');
  if (out.startsWith(' ') || out.startsWith('#')) out = `\\${out}`;
  if (out.endsWith(' ') && !out.endsWith('\\ ')) out = `${out.slice(0, -1)}\\ `;
  return out;
}

/** The DN written back in AD's form, case kept: `cn = Ren\c3\a9e , dc=corp` gives `cn=Renée,dc=corp`. */
export function formatDn(rdns: Rdn[]): string {
  return rdns.map((rdn) => rdn.map((a) => `${a.type}=${escapeDnValue(a.value)}`).join('+')).join(',');
}

/** `formatDn(parseDn(dn))`: one spelling for one DN, case kept. */
export function canonicalDn(dn: string): string {
  return formatDn(parseDn(dn));
}

/**
 * The comparison key of a DN: types and values lower-cased, every special character hex-escaped, so
 * a `,` in the key always separates RDNs. Equal keys mean the same object.
 */
export function dnKey(dn: string): string {
  return (PLAIN.test(dn) && plainKey(dn)) || parseDn(dn).map(rdnKey).join(',');
}

/** DNs with nothing to unescape (nearly all of them): the key without a full parse. */
const PLAIN = /^[^\\"+;#<>\0]*$/;

function plainKey(dn: string): string | undefined {
  const parts = dn.split(',');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const eq = part.indexOf('=');
    if (eq < 0 || part.indexOf('=', eq + 1) >= 0) return undefined;
    const type = part.slice(0, eq).trim();
    if (!TYPE.test(type) || /^oid\./i.test(type)) return undefined;
    parts[i] = `${type.toLowerCase()}=${part
      .slice(eq + 1)
      .replace(/^ +| +$/g, '')
      .toLowerCase()}`;
  }
  return parts.join(',');
}

function rdnKey(rdn: Rdn): string {
  return rdn
    .map((a) => `${a.type.toLowerCase().replace(/^oid\./, '')}=${keyValue(a.value.toLowerCase())}`)
    .sort()
    .join('+');
}

function keyValue(value: string): string {
  return value.replace(/[,+"\\<>;=#\0]|^ | $/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The parent of a DN key (everything after its first RDN); '' for a one-RDN key. */
export function parentKey(key: string): string {
  const comma = key.indexOf(',');
  return comma < 0 ? '' : key.slice(comma + 1);
}

/** The parent DN (case and spelling kept), or '' for a one-RDN DN. */
export function parentDn(dn: string): string {
  return formatDn(parseDn(dn).slice(1));
}

/** The first RDN's first type and value: `CN=Berg\, Anna,OU=x` gives { type: 'CN', value: 'Berg, Anna' }. */
export function rdnOf(dn: string): Ava {
  const first = parseDn(dn)[0]?.[0];
  if (!first) throw new DnSyntaxError(dn, 'it is empty');
  return first;
}

/** The naming context of a DN: its trailing DC= components (`DC=corp,DC=contoso,DC=com`). */
export function namingContextOf(dn: string): string {
  const rdns = parseDn(dn);
  let start = rdns.length;
  while (start > 0 && isDc(rdns[start - 1])) start--;
  return formatDn(rdns.slice(start));
}

/** The DNS name of a DN's naming context: `CN=x,DC=corp,DC=contoso,DC=com` gives `corp.contoso.com`. */
export function dnsDomainOf(dn: string): string {
  return parseDn(namingContextOf(dn))
    .map((rdn) => rdn[0].value)
    .join('.')
    .toLowerCase();
}

function isDc(rdn: Rdn): boolean {
  return rdn.length === 1 && rdn[0].type.toLowerCase() === 'dc';
}

/** Every ancestor of a DN, nearest first, down to the one-RDN root (`OU=a,DC=b,DC=c` gives DC=b,DC=c and DC=c). */
export function ancestorsOf(dn: string): string[] {
  const rdns = parseDn(dn);
  return rdns.slice(1).map((_, i) => formatDn(rdns.slice(i + 1)));
}
