import { dnKey } from '../tenant/dn';
import { DirectoryEntry } from '../tenant/entry';
import { filterSelects } from './ad-filter';
import { type ContactProjection, dirSyncExportsContact, type GalSyncFlow, projectContact } from './gal';
import { type Verdict, verdict } from './verdict';

/** What GALSync does with one source user, in terms a directory read can show. */
export type GalSyncWrite =
  | { outcome: 'not selected' }
  | { outcome: 'rejected' }
  | { outcome: 'written'; dn: string; attributes: Record<string, string> };

/**
 * GAL-01, GAL-07 for one user: whether the flow's source filter selects it, and then the contact it
 * writes (its DN key and the `compared` attributes, '' when absent) or its rejection.
 */
export function galSyncWrites(
  user: DirectoryEntry,
  flow: GalSyncFlow,
  targetBaseDn: string,
  compared: string[],
): Verdict<GalSyncWrite> {
  return writesOfProjection(selectedProjection(user, flow, targetBaseDn), flow, compared);
}

/**
 * GAL-01, GAL-07: the contact (or rejection) GALSync makes of a user its flow's source filter selects;
 * undefined when the filter does not select the user.
 */
export function selectedProjection(
  user: DirectoryEntry,
  flow: GalSyncFlow,
  targetBaseDn: string,
): Verdict<ContactProjection> | undefined {
  return filterSelects(flow.source.filter, user) ? projectContact(user, flow, targetBaseDn) : undefined;
}

/**
 * `galSyncWrites` from a projection already made (`selectedProjection`): a check that holds the
 * projection of every user holds only that, and gets what GALSync writes when it asks.
 */
export function writesOfProjection(
  projection: Verdict<ContactProjection> | undefined,
  flow: GalSyncFlow,
  compared: string[],
): Verdict<GalSyncWrite> {
  if (!projection)
    return verdict(
      galSyncWrites,
      { outcome: 'not selected' },
      ['GAL-01'],
      `flow "${flow.name}" does not select it`,
    );
  const p = projection.value;
  if (p.outcome === 'rejected')
    return verdict(galSyncWrites, { outcome: 'rejected' }, projection.rules, projection.reason);
  const attributes = Object.fromEntries(compared.map((a) => [a, p.attributes[a] ?? '']));
  return verdict(
    galSyncWrites,
    { outcome: 'written', dn: dnKey(p.dn), attributes },
    projection.rules,
    projection.reason,
  );
}

/**
 * GAL-01 for one user: whether the other forest holds the contact the flow projects for it
 * (null when the flow rejects the user, so no contact is due).
 */
export function contactInOtherForest(
  user: DirectoryEntry,
  flow: GalSyncFlow,
  other: { domain: string; baseDn: string; contacts: Set<string> },
): Verdict<boolean | null> {
  const projection = projectContact(user, flow, other.baseDn).value;
  if (projection.outcome === 'rejected')
    return verdict(contactInOtherForest, null, ['GAL-07'], 'rejected by GALSync: no contact is due');
  return other.contacts.has(dnKey(projection.dn))
    ? verdict(contactInOtherForest, true, ['GAL-01'], `contact ${projection.dn} exists`)
    : verdict(contactInOtherForest, false, ['GAL-01'], `no contact at ${projection.dn} in ${other.domain}`);
}

/** GAL-01, GAL-07: whether a projection is a contact or a rejection. */
export function projectionOutcome(projection: Verdict<ContactProjection>): Verdict<'projected' | 'rejected'> {
  return verdict(projectionOutcome, projection.value.outcome, projection.rules, projection.reason);
}

/** The value a projected contact carries in `attribute` (null: no contact, or no value). */
export function projectedAttribute(
  projection: Verdict<ContactProjection>,
  attribute: string,
): Verdict<string | null> {
  const p = projection.value;
  const value = p.outcome === 'projected' ? (p.attributes[attribute] ?? null) : null;
  return verdict(
    projectedAttribute,
    value,
    projection.rules,
    `${attribute} ${value === null ? 'absent' : `"${value}"`}: ${projection.reason}`,
  );
}

/** GAL-05 for a projected contact: DirSync exports it only with mailNickname and targetAddress; no contact, no export. */
export function projectionExported(projection: Verdict<ContactProjection>): Verdict<boolean> {
  const p = projection.value;
  if (p.outcome !== 'projected')
    return verdict(projectionExported, false, ['GAL-05', ...projection.rules], 'no contact to export');
  const contact = new DirectoryEntry(p.dn, { objectClass: ['top', 'contact'], ...p.attributes });
  const exported = dirSyncExportsContact(contact);
  return verdict(projectionExported, exported.value, exported.rules, exported.reason);
}

/** GAL-07: a user with a blank required attribute is rejected and gets no contact. */
export function rejection(
  projection: Verdict<ContactProjection>,
): Verdict<{ rejected: boolean; contact: boolean }> {
  const outcome = projection.value.outcome;
  return verdict(
    rejection,
    { rejected: outcome === 'rejected', contact: outcome === 'projected' },
    projection.rules,
    projection.reason,
  );
}
