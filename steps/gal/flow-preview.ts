import { runGalSync } from '../../src/clients/ldap/galsync';
import { pagedSearch, readEntry, withLdap } from '../../src/clients/ldap/ldap-client';
import type { DataSpace } from '../../src/harness/data-space';
import { filterSelects } from '../../src/model/ad-filter';
import { type ContactProjection, type GalSyncFlow, projectContact } from '../../src/model/gal';
import { dnKey } from '../../src/tenant/dn';
import { DirectoryEntry } from '../../src/tenant/entry';
import { type Forest, usersOf } from '../../src/tenant/tenant';

/** A fresh OU GALSync writes into, so the preview shows what the flow writes and nothing already there. */
export const PREVIEW_CONTAINER = 'OU=lync-harness flow preview';
const COMPARED = ['msRTCSIP-PrimaryUserAddress', 'targetAddress', 'mailNickname', 'displayName'];

/** One source user: what the model projects, and what GALSync did with it over LDAP. */
export interface PreviewedUser {
  user: DirectoryEntry;
  home: Forest;
  target: Forest;
  /** The model: the flow's source filter selects the user. */
  selected: boolean;
  /** The model's contact (or rejection), when selected. */
  projection?: ContactProjection;
  /** The contact as the model projects it, as a directory object (for the rules' verdicts). */
  contact?: DirectoryEntry;
}

export interface FlowPreview {
  flow: string;
  users: PreviewedUser[];
  /** Users where the model and GALSync over LDAP differ: selection, rejection or a written value. */
  disagreements: string[];
  /** Users GALSync read over LDAP (both directions). */
  usersRead: number;
}

const previews = new WeakMap<DataSpace, Map<string, Promise<FlowPreview>>>();

/**
 * GALSync with the given flow over LDAP for every user of each forest, into a fresh OU of the other
 * forest; every contact is read back and set beside the model's projection of the same user from the
 * tenant data. Run once per worker and flow: its writes are undone at the next reset, its outcome kept.
 */
export function previewFlow(space: DataSpace, flow: GalSyncFlow): Promise<FlowPreview> {
  const mine = previews.get(space) ?? new Map<string, Promise<FlowPreview>>();
  previews.set(space, mine);
  let pending = mine.get(flow.name);
  if (!pending) {
    pending = runPreview(space, flow);
    mine.set(flow.name, pending);
    pending.catch(() => mine.delete(flow.name));
  }
  return pending;
}

async function runPreview(space: DataSpace, configured: GalSyncFlow): Promise<FlowPreview> {
  const flow: GalSyncFlow = { ...configured, target: { container: PREVIEW_CONTAINER } };
  const preview: FlowPreview = { flow: configured.name, users: [], disagreements: [], usersRead: 0 };
  const forests = space.data.forests;
  for (const home of forests) {
    const target = forests.find((f) => f !== home);
    if (target) await previewDirection(space, flow, home, target, preview);
  }
  return preview;
}

async function previewDirection(
  space: DataSpace,
  flow: GalSyncFlow,
  home: Forest,
  target: Forest,
  preview: FlowPreview,
): Promise<void> {
  const source = await space.directory(home.role);
  const sink = await space.directory(target.role);
  const container = `${PREVIEW_CONTAINER},${target.baseDn}`;
  await withLdap(sink.admin, async (client) => {
    if (!(await readEntry(client, container, ['1.1'])))
      await client.add(container, {
        objectClass: ['top', 'organizationalUnit'],
        ou: 'lync-harness flow preview',
      });
  });
  const run = await runGalSync(source.admin, sink.admin, flow);
  const landed = await withLdap(sink.admin, (c) =>
    pagedSearch(c, container, '(objectClass=contact)', COMPARED),
  );
  const landedByKey = new Map(landed.map((e) => [dnKey(e.dn), e]));
  const read = new Set([...run.written.map((w) => w.source), ...run.rejected.map((r) => r.dn)].map(dnKey));
  preview.usersRead += read.size;
  const rejected = new Set(run.rejected.map((r) => dnKey(r.dn)));
  const users = usersOf(home);
  const known = new Set(users.map((u) => dnKey(u.dn)));
  for (const key of read)
    if (!known.has(key))
      preview.disagreements.push(`${key}: GALSync read an object the model holds no user for`);
  for (const user of users) {
    const judged = judge(user, flow, home, target);
    preview.users.push(judged);
    const key = dnKey(user.dn);
    if (judged.selected !== read.has(key))
      preview.disagreements.push(
        `${user.dn}: selected by the model ${judged.selected}, read by GALSync ${read.has(key)}`,
      );
    else if (judged.projection?.outcome === 'rejected' && !rejected.has(key))
      preview.disagreements.push(`${user.dn}: rejected by the model, not by GALSync over LDAP`);
    else if (judged.contact)
      compareLanded(judged.contact, landedByKey.get(dnKey(judged.contact.dn)), user, preview);
  }
}

function judge(user: DirectoryEntry, flow: GalSyncFlow, home: Forest, target: Forest): PreviewedUser {
  const selected = filterSelects(flow.source.filter, user);
  if (!selected) return { user, home, target, selected };
  const projection = projectContact(user, flow, target.baseDn).value;
  const contact =
    projection.outcome === 'projected'
      ? new DirectoryEntry(projection.dn, {
          objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
          ...projection.attributes,
        })
      : undefined;
  return { user, home, target, selected, projection, contact };
}

function compareLanded(
  model: DirectoryEntry,
  seen: DirectoryEntry | undefined,
  user: DirectoryEntry,
  preview: FlowPreview,
): void {
  if (!seen) {
    preview.disagreements.push(`${user.dn}: the model projects ${model.dn}, none landed over LDAP`);
    return;
  }
  for (const attribute of COMPARED)
    if ((model.first(attribute) ?? '') !== (seen.first(attribute) ?? ''))
      preview.disagreements.push(
        `${user.dn}: ${attribute} model "${model.first(attribute) ?? ''}", ldap "${seen.first(attribute) ?? ''}"`,
      );
}
