import { runGalSync } from '../../src/clients/ldap/galsync';
import { pagedSearch, readEntry, withLdap } from '../../src/clients/ldap/ldap-client';
import type { DataSpace } from '../../src/harness/data-space';
import { type ContactProjection, type GalSyncFlow, projectContact } from '../../src/model/gal';
import { type GalSyncWrite, galSyncWrites } from '../../src/model/gal-tenant';
import type { Verdict } from '../../src/model/verdict';
import { dnKey } from '../../src/tenant/dn';
import { DirectoryEntry } from '../../src/tenant/entry';
import { type Forest, usersOf } from '../../src/tenant/tenant';
import type { FindingOutcome } from '../support/tenant-check';
import type { HarnessWorld } from '../support/world';

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
  /** The model's verdict on what GALSync writes for the user, and what GALSync did over LDAP. */
  writes: Verdict<GalSyncWrite>;
  observed: GalSyncWrite;
}

export interface FlowPreview {
  flow: string;
  users: PreviewedUser[];
  /** Objects GALSync read over LDAP that the tenant data holds no user for. */
  strays: string[];
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
  const preview: FlowPreview = { flow: configured.name, users: [], strays: [], usersRead: 0 };
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
  const writtenBy = new Map(run.written.map((w) => [dnKey(w.source), dnKey(w.dn)]));
  const users = usersOf(home);
  const known = new Set(users.map((u) => dnKey(u.dn)));
  for (const key of read) if (!known.has(key)) preview.strays.push(key);
  for (const user of users) {
    const key = dnKey(user.dn);
    const landedDn = writtenBy.get(key);
    const landedEntry = landedDn ? landedByKey.get(landedDn) : undefined;
    const observed: GalSyncWrite = !read.has(key)
      ? { outcome: 'not selected' }
      : rejected.has(key)
        ? { outcome: 'rejected' }
        : {
            outcome: 'written',
            dn: landedEntry ? dnKey(landedEntry.dn) : (landedDn ?? 'nothing landed'),
            attributes: Object.fromEntries(COMPARED.map((a) => [a, landedEntry?.first(a) ?? ''])),
          };
    preview.users.push({ ...judge(user, flow, home, target), observed });
  }
}

function judge(
  user: DirectoryEntry,
  flow: GalSyncFlow,
  home: Forest,
  target: Forest,
): Omit<PreviewedUser, 'observed'> {
  const writes = galSyncWrites(user, flow, target.baseDn, COMPARED);
  const selected = writes.value.outcome !== 'not selected';
  if (!selected) return { user, home, target, selected, writes };
  const projection = projectContact(user, flow, target.baseDn).value;
  const contact =
    projection.outcome === 'projected'
      ? new DirectoryEntry(projection.dn, {
          objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
          ...projection.attributes,
        })
      : undefined;
  return { user, home, target, selected, projection, contact, writes };
}

/**
 * The two-witness check of a preview, through the tenant-check verb: per user, the model's verdict on
 * what GALSync writes against what it wrote over LDAP; `findings` are the rule's source-side outcomes.
 */
export async function checkFlowPreview(
  world: HarnessWorld,
  preview: FlowPreview,
  rule: string,
  findings: Map<PreviewedUser, FindingOutcome>,
  rules: string[] = [rule],
): Promise<void> {
  if (preview.strays.length)
    throw new Error(
      `[gal] GALSync read objects the tenant data holds no user for: ${preview.strays.slice(0, 5).join('; ')}`,
    );
  await world.checkTenant<PreviewedUser, GalSyncWrite>({
    rule,
    rules,
    claim: `every contact GALSync writes with flow "${preview.flow}" is the contact the model projects`,
    objects: preview.users.map((p) => ({ dn: p.user.dn, forest: p.home.domain, item: p })),
    decide: (p) => p.writes,
    finding: (_, { item }) => findings.get(item),
    wire: {
      witness: 'ldap',
      observe: async ({ item }) => item.observed,
      detail: { usersRead: preview.usersRead },
    },
  });
}
