import { dnKey } from '../../src/tenant/dn';
import type { LdapAnswer } from './ldap-answer';

/** What AD makes up per object and per DC (identities, counters, times): never equal on two DCs. */
const PER_DC = new Set(
  [
    'objectGUID',
    'objectSid',
    'uSNCreated',
    'uSNChanged',
    'whenCreated',
    'whenChanged',
    'dSCorePropagationData',
    'pwdLastSet',
    'lastLogon',
    'lastLogonTimestamp',
    'lastLogoff',
    'logonCount',
    'badPwdCount',
    'badPasswordTime',
    'accountExpires',
    'nTSecurityDescriptor',
  ].map((a) => a.toLowerCase()),
);

export type DifferenceKind =
  | 'result-code'
  | 'error-text'
  | 'matched-dn'
  | 'entry-only-in-mock'
  | 'entry-only-in-samba'
  | 'attribute'
  | 'references';

export interface Difference {
  query: string;
  kind: DifferenceKind;
  /** The attribute, for `attribute`; the entry's DN for entry differences. */
  subject?: string;
  mock: unknown;
  samba: unknown;
}

/**
 * The differences between the mock DC's and Samba's answers to one request, after setting aside what
 * legitimately differs: per-DC values (GUIDs, SIDs, USNs, times), objects outside the tenant (Samba's
 * provisioned built-ins: Administrator, CN=Builtin, ...) and the variable middle of AD's error texts
 * (only the leading error code and the `data NNN` word are AD's contract).
 */
export function compareAnswers(
  query: string,
  tenantDns: Set<string>,
  mock: LdapAnswer,
  samba: LdapAnswer,
): Difference[] {
  const out: Difference[] = [];
  const diff = (kind: DifferenceKind, m: unknown, s: unknown, subject?: string) =>
    out.push({ query, kind, subject, mock: m, samba: s });
  if (mock.code !== samba.code) diff('result-code', mock.code, samba.code);
  if (errorWords(mock.text) !== errorWords(samba.text)) diff('error-text', mock.text, samba.text);
  if (normalDn(mock.matchedDN) !== normalDn(samba.matchedDN))
    diff('matched-dn', mock.matchedDN, samba.matchedDN);
  if (mock.references.length !== samba.references.length)
    diff('references', mock.references, samba.references);
  const m = inTenant(mock, tenantDns);
  const s = inTenant(samba, tenantDns);
  for (const [key, entry] of m) {
    const other = s.get(key);
    if (!other) {
      diff('entry-only-in-mock', entry.dn, undefined, entry.dn);
      continue;
    }
    for (const name of new Set([...Object.keys(entry.attrs), ...Object.keys(other.attrs)])) {
      if (PER_DC.has(name.replace(/;.*$/, ''))) continue;
      // Which values a range holds follows the DC's internal order of a linked attribute: only its size is AD's.
      const ranged = name.includes(';range=');
      const a = ranged ? String(entry.attrs[name]?.length) : sorted(entry.attrs[name]);
      const b = ranged ? String(other.attrs[name]?.length) : sorted(other.attrs[name]);
      if (a !== b) diff('attribute', entry.attrs[name] ?? null, other.attrs[name] ?? null, name);
    }
  }
  for (const [key, entry] of s) if (!m.has(key)) diff('entry-only-in-samba', undefined, entry.dn, entry.dn);
  return out;
}

/** The leading 8-hex-digit code and the `data NNN` word of an AD error text; other texts whole. */
export function errorWords(text: string): string {
  const code = /^([0-9A-F]{8}):/i.exec(text)?.[1]?.toUpperCase();
  if (!code) return text;
  const data = /\bdata ([0-9a-f]+)\b/i.exec(text)?.[1]?.toLowerCase();
  return data ? `${code} data ${data}` : code;
}

function inTenant(answer: LdapAnswer, tenantDns: Set<string>) {
  const out = new Map<string, { dn: string; attrs: Record<string, string[]> }>();
  for (const [dn, attrs] of answer.entries) {
    const key = safeKey(dn);
    if (dn === '' || tenantDns.has(key)) out.set(key, { dn, attrs });
  }
  return out;
}

function safeKey(dn: string): string {
  try {
    return dnKey(dn);
  } catch {
    return dn;
  }
}

function normalDn(dn: string): string {
  return dn ? safeKey(dn) : '';
}

function sorted(values: string[] | undefined): string {
  return JSON.stringify([...(values ?? [])].sort());
}
