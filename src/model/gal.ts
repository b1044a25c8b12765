import type { DirectoryEntry } from '../tenant/entry';
import { mechanism } from './mechanism';
import { type Verdict, verdict } from './verdict';

/**
 * GAL-03: msRTCSIP-PrimaryUserAddress must carry the lower-case `sip:` prefix; a bare address is a
 * defect. An absent value is not a format defect (GAL-02 covers missing SIP addresses).
 */
export function sipAddressFormat(value: string | undefined): Verdict<'ok' | 'absent' | 'bare' | 'malformed'> {
  if (value === undefined || value.trim() === '')
    return verdict(sipAddressFormat, 'absent', ['GAL-02'], 'no msRTCSIP-PrimaryUserAddress');
  if (/^sip:[^@\s]+@[^@\s]+$/.test(value))
    return verdict(sipAddressFormat, 'ok', ['GAL-03'], `carries the sip: prefix (${value})`);
  if (/^[^@\s:]+@[^@\s]+$/.test(value))
    return verdict(sipAddressFormat, 'bare', ['GAL-03'], `"${value}" lacks the sip: prefix`);
  return verdict(sipAddressFormat, 'malformed', ['GAL-03'], `"${value}" is not a sip:user@domain address`);
}

/** One rule of a GALSync attribute flow: writes `target` on the contact from the source user. */
export interface FlowRule {
  target: string;
  /** Copy this source attribute. */
  from?: string;
  /** Or fill `{attribute}` placeholders from the source user. */
  template?: string;
  /** A prefix removed from source values before they are used (e.g. `sip:`). */
  strip?: string;
}

/** A GALSync flow (the file a user edits): which users, where contacts go, and the attribute rules. */
export interface GalSyncFlow {
  name: string;
  /**
   * Which users, and which of their attributes the management agent imports into the metaverse
   * (FIM's "Select Attributes"; absent: all). An attribute it does not import is blank there.
   */
  source: { filter: string; attributes?: string[] };
  target: { container: string };
  /** Source attributes that must not be blank (GAL-07). */
  required: string[];
  flows: FlowRule[];
}

export type ContactProjection =
  | { outcome: 'projected'; dn: string; attributes: Record<string, string> }
  | { outcome: 'rejected'; blank: string[] };

/**
 * GAL-01, GAL-07: what GALSync makes of one source user in the other forest: a contact in the target
 * container (attributes by the flow), or a rejection when a required attribute is blank.
 */
export function projectContact(
  user: DirectoryEntry,
  flow: GalSyncFlow,
  targetBaseDn: string,
): Verdict<ContactProjection> {
  const imported = metaverseView(user, flow);
  const blank = flow.required.filter((a) => (imported.first(a) ?? '').trim() === '');
  if (blank.length && mechanism().gal.blankRequiredRejected)
    return verdict(
      projectContact,
      { outcome: 'rejected', blank },
      ['GAL-07'],
      `${user.dn}: blank ${blank.join(', ')}`,
    );
  const attributes: Record<string, string> = {};
  for (const rule of flow.flows) {
    const value = ruleValue(imported, rule);
    if (value !== undefined) attributes[rule.target] = value;
  }
  const lync = Object.keys(attributes).filter((a) => a.toLowerCase().startsWith('msrtcsip-'));
  if (lync.length && !mechanism().gal.targetSchemaHasLync)
    return verdict(
      projectContact,
      { outcome: 'rejected', blank: [] },
      ['GAL-01'],
      `${user.dn}: the target forest's schema has no ${lync.join(', ')}, so the contact cannot be written`,
    );
  // One flat string and one rule list per flow: the flow preview holds a projection per user.
  const dn = [`CN=${escapeRdn(user.first('cn')!)}`, flow.target.container, targetBaseDn].join(',');
  const rules = projectionRules(flow);
  return verdict(
    projectContact,
    { outcome: 'projected', dn, attributes },
    rules,
    `contact ${dn} by flow "${flow.name}"`,
  );
}

/** The user as the metaverse holds it: only the attributes the management agent imports. */
function metaverseView(user: DirectoryEntry, flow: GalSyncFlow): DirectoryEntry {
  const selected = flow.source.attributes;
  if (!selected) return user;
  const keep = new Set(selected.map((a) => a.toLowerCase()));
  const view = user.clone(user.dn);
  for (const name of user.names()) if (!keep.has(name.toLowerCase())) view.set(name, []);
  return view;
}

function ruleValue(user: DirectoryEntry, rule: FlowRule): string | undefined {
  const read = (name: string): string | undefined => {
    let v = user.first(name);
    if (v !== undefined && rule.strip && v.toLowerCase().startsWith(rule.strip.toLowerCase()))
      v = v.slice(rule.strip.length);
    return v === undefined || v.trim() === '' ? undefined : v;
  };
  if (rule.from) return read(rule.from);
  if (!rule.template) return undefined;
  const names = [...rule.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  if (names.some((name) => read(name) === undefined)) return undefined;
  return rule.template.replace(/\{([^}]+)\}/g, (_, name: string) => read(name)!);
}

const rulesByFlow = new WeakMap<GalSyncFlow, string[]>();

/** The rules a projection by `flow` rests on: GAL-01, and GAL-06 when the flow reads sAMAccountName. */
function projectionRules(flow: GalSyncFlow): string[] {
  let rules = rulesByFlow.get(flow);
  if (!rules) {
    rules = ['GAL-01', ...(flow.flows.some((r) => r.from === 'sAMAccountName') ? ['GAL-06'] : [])];
    rulesByFlow.set(flow, rules);
  }
  return rules;
}

function escapeRdn(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1');
}

/** GAL-02: whether a flow carries the SIP address at all (out of the box it does not). */
export function flowCarriesSip(flow: GalSyncFlow): Verdict<boolean> {
  const carries = flow.flows.some((r) => r.target.toLowerCase() === 'msrtcsip-primaryuseraddress');
  return verdict(
    flowCarriesSip,
    carries,
    ['GAL-02'],
    carries
      ? `flow "${flow.name}" writes msRTCSIP-PrimaryUserAddress`
      : `flow "${flow.name}" has no SIP rule`,
  );
}

/** GAL-04: targetAddress must carry the SMTP: prefix (upper case, as Exchange writes the primary address). */
export function targetAddressFormat(
  value: string | undefined,
): Verdict<'ok' | 'absent' | 'bare' | 'malformed'> {
  if (value === undefined || value.trim() === '')
    return verdict(targetAddressFormat, 'absent', ['GAL-05'], 'no targetAddress');
  const address = /^smtp:(.*)$/i.exec(value)?.[1] ?? value;
  if (!/^[^@\s:]+@[^@\s]+$/.test(address))
    return verdict(
      targetAddressFormat,
      'malformed',
      ['GAL-04'],
      `"${value}" is not an SMTP:user@domain address`,
    );
  if (value.startsWith('SMTP:'))
    return verdict(targetAddressFormat, 'ok', ['GAL-04'], `carries the SMTP: prefix (${value})`);
  return verdict(targetAddressFormat, 'bare', ['GAL-04'], `"${value}" lacks the SMTP: prefix`);
}

/** GAL-05: DirSync exports a contact only with both mailNickname and targetAddress. */
export function dirSyncExportsContact(contact: DirectoryEntry): Verdict<boolean> {
  const needed = mechanism().gal.exportNeedsMailNickname
    ? ['mailNickname', 'targetAddress']
    : ['targetAddress'];
  const missing = needed.filter((a) => (contact.first(a) ?? '').trim() === '');
  return missing.length
    ? verdict(dirSyncExportsContact, false, ['GAL-05'], `not exported: no ${missing.join(' and ')}`)
    : verdict(dirSyncExportsContact, true, ['GAL-05'], `exported: ${needed.join(' and ')} set`);
}

/** GAL-07: the blank attributes (of sAMAccountName, displayName, cn) that make GALSync reject a user. */
export function blankRequiredAttributes(user: DirectoryEntry): Verdict<string[]> {
  const blank = mechanism().gal.blankRequiredRejected
    ? ['sAMAccountName', 'displayName', 'cn'].filter((a) => (user.first(a) ?? '').trim() === '')
    : [];
  return verdict(
    blankRequiredAttributes,
    blank,
    ['GAL-07'],
    blank.length ? `blank ${blank.join(', ')}: rejected` : 'none blank',
  );
}
