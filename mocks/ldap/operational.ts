import { DnSyntaxError } from '../../src/tenant/dn';
import type { AttributeValue, DirectoryEntry } from '../../src/tenant/entry';
import { ownText } from '../../src/tenant/own-text';
import { withAccountType } from './account-type';
import { guidFor } from './binary-values';
import type { Dit } from './dit';
import { DN_VALUED, firstRdnValue, storedDn } from './dn-keys';
import { categoryName, isSecurityPrincipal } from './schema';

/**
 * What AD keeps on every object, filled where an export (or a client's add) leaves it out: the DN in
 * the form AD writes it, distinguishedName, name, objectGUID, instanceType, whenCreated/whenChanged,
 * uSNCreated/uSNChanged, objectCategory and, for security principals, objectSid, sAMAccountType and
 * (users) primaryGroupID. At 100,000 objects
 * each of these costs: equal values are one shared string, binary ones views of a shared slab.
 * `when` is the write's GeneralizedTime (one string for a whole load).
 */
export function withOperationalAttributes(dit: Dit, source: DirectoryEntry, when: string): DirectoryEntry {
  const dn = storedDn(source.dn);
  const entry = dn === source.dn ? source : source.clone(dn);
  const classes = entry.objectClasses();
  if (entry.has('objectClass')) entry.set('objectClass', entry.get('objectClass').map(sharedValue));
  if (entry.has('objectCategory')) entry.set('objectCategory', entry.get('objectCategory').map(sharedDn));
  entry.set('distinguishedName', [dn]);
  // memberOf is the back-link AD computes from the groups' member values; an export's copy (ldifde writes
  // one) would otherwise be answered twice.
  if (entry.has('memberOf')) entry.set('memberOf', []);
  if (!entry.has('name') && dn) entry.set('name', [firstRdnValue(dn)]);
  if (!entry.has('objectGUID')) entry.set('objectGUID', [guidFor(dn)]);
  if (!entry.has('instanceType')) entry.set('instanceType', [classes.includes('domaindns') ? '5' : '4']);
  if (!entry.has('whenCreated')) entry.set('whenCreated', [when]);
  if (!entry.has('whenChanged')) entry.set('whenChanged', [when]);
  stampUsn(dit, entry);
  if (dit.baseDn && !entry.has('objectCategory')) {
    const category = categoryFor(classes, dit.baseDn);
    if (category) entry.set('objectCategory', [category]);
  }
  if (isSecurityPrincipal(classes) && !entry.has('objectSid')) entry.set('objectSid', [dit.sids.next()]);
  if (isSecurityPrincipal(classes)) withAccountType(entry, classes);
  for (const name of LINKS) {
    const values = entry.get(name);
    if (values.some((v) => storedValue(v) !== v)) entry.set(name, values.map(storedValue));
  }
  return entry;
}

/** One USN per object written; a USN the export carries keeps the counter above it. */
function stampUsn(dit: Dit, entry: DirectoryEntry): void {
  const carried = Number(entry.first('uSNChanged') ?? entry.first('uSNCreated'));
  if (carried > dit.usn) dit.usn = carried;
  if (entry.has('uSNCreated') && entry.has('uSNChanged')) return;
  const usn = String(++dit.usn);
  if (!entry.has('uSNCreated')) entry.set('uSNCreated', [usn]);
  if (!entry.has('uSNChanged')) entry.set('uSNChanged', [usn]);
}

/** Sets again the categories filled in while the tree had another name (ids of those objects). */
export function recategorize(dit: Dit, ids: number[]): void {
  for (const id of ids) {
    const stored = dit.byId[id];
    if (!stored) continue;
    const category = categoryFor(
      stored.entry.texts('objectClass').map((c) => c.toLowerCase()),
      dit.baseDn,
    );
    dit.replaceAttribute(stored, 'objectCategory', category ? [category] : []);
  }
}

/** The category DN of these classes in the forest's schema. */
function categoryFor(classes: string[], forestDn: string): string | undefined {
  const name = categoryName(classes);
  return name && shared(`CN=${name},CN=Schema,CN=Configuration,${forestDn}`);
}

/** objectClass and objectCategory values repeat on every object: each is kept once. */
const pool = new Map<string, string>();
const dnPool = new Map<string, AttributeValue>();

function sharedValue(value: AttributeValue): AttributeValue {
  return typeof value === 'string' ? shared(value) : value;
}

/** A category DN in stored form, worked out once per spelling. */
function sharedDn(value: AttributeValue): AttributeValue {
  if (typeof value !== 'string') return value;
  let stored = dnPool.get(value);
  if (stored === undefined) {
    stored = sharedValue(storedValue(value));
    if (dnPool.size > 1024) dnPool.clear();
    dnPool.set(ownText(value), stored);
  }
  return stored;
}

function shared(value: string): string {
  const known = pool.get(value);
  if (known !== undefined) return known;
  if (pool.size > 1024) pool.clear();
  const own = ownText(value);
  pool.set(own, own);
  return own;
}

/** GeneralizedTime as AD writes whenCreated: `20141201093000.0Z`. */
export function generalizedTime(when: Date): string {
  return `${when.toISOString().replace(/[-:T]/g, '').slice(0, 14)}.0Z`;
}

/** Stored DN-valued attributes (memberOf is computed; distinguishedName and objectCategory set above). */
const LINKS = [...DN_VALUED].filter((n) => !['memberof', 'distinguishedname', 'objectcategory'].includes(n));

/** A DN value in the form AD returns it; a value that is no DN stays as it is. */
function storedValue(value: AttributeValue): AttributeValue {
  if (typeof value !== 'string') return value;
  try {
    return storedDn(value);
  } catch (error) {
    if (error instanceof DnSyntaxError) return value;
    throw error;
  }
}
