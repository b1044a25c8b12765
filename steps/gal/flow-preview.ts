import { runGalSyncFor } from '../../src/clients/ldap/galsync';
import { pagedSearch, readEntry, withLdap } from '../../src/clients/ldap/ldap-client';
import type { DataSpace, DirectoryWitness } from '../../src/harness/data-space';
import type { SeededDirectory } from '../../src/harness/directory';
import type { ContactProjection, GalSyncFlow } from '../../src/model/gal';
import { type GalSyncWrite, selectedProjection, writesOfProjection } from '../../src/model/gal-tenant';
import type { Verdict } from '../../src/model/verdict';
import { dnKey } from '../../src/tenant/dn';
import { DirectoryEntry } from '../../src/tenant/entry';
import { type Forest, usersOf } from '../../src/tenant/tenant';
import type { FindingOutcome, TenantWire } from '../support/tenant-check';
import { stageMemo } from '../support/tenant-check-stages';
import type { HarnessWorld } from '../support/world';

/** A fresh OU GALSync writes into, so the preview shows what the flow writes and nothing already there. */
export const PREVIEW_CONTAINER = 'OU=lync-harness flow preview';
const COMPARED = ['msRTCSIP-PrimaryUserAddress', 'targetAddress', 'mailNickname', 'displayName'];

/**
 * One source user and what the model says GALSync with the flow makes of it: only the projection is
 * held (what GALSync writes, `writesOf`, and the contact as a directory object, `contactOf`, are made
 * from it when a check asks), so the preview of a million users stays a few hundred megabytes.
 */
export interface PreviewedUser {
  user: DirectoryEntry;
  home: Forest;
  target: Forest;
  /** The model's contact (or rejection); undefined when the flow's source filter does not select the user. */
  projection?: Verdict<ContactProjection>;
}

/** The model's side of a flow preview: every user of both forests, judged from the tenant data. */
export interface FlowPreview {
  flow: GalSyncFlow;
  users: PreviewedUser[];
}

/**
 * The model's preview of GALSync with the given flow for every user of each forest, into a fresh OU of
 * the other forest (pure, so judged once per flow for the checks of a stage, and let go after them);
 * GALSync itself runs over LDAP for the sampled users when the preview is checked (`checkFlowPreview`).
 */
export function previewFlow(space: DataSpace, configured: GalSyncFlow): FlowPreview {
  return stageMemo(`flow preview of ${space.label} with ${configured.name}`, () => {
    const flow: GalSyncFlow = { ...configured, target: { container: PREVIEW_CONTAINER } };
    const preview: FlowPreview = { flow, users: [] };
    const forests = space.data.forests;
    for (const home of forests) {
      const target = forests.find((f) => f !== home);
      if (target) for (const user of usersOf(home)) preview.users.push(judge(user, flow, home, target));
    }
    return preview;
  });
}

/** What GALSync did over LDAP for each sampled user, and how many users it read. */
interface Observed {
  writes: Map<PreviewedUser, GalSyncWrite>;
  usersRead: number;
}

/**
 * GALSync with the preview's flow over LDAP for the sampled users, each direction into the fresh OU of
 * the other forest (undone at the next reset), between the forests' DCs of one kind (`at`: the mock
 * DCs, or Samba's beside them); every contact it wrote is read back.
 */
async function observeFlow(
  space: DataSpace,
  flow: GalSyncFlow,
  sampled: PreviewedUser[],
  at: number,
): Promise<Observed> {
  const observed: Observed = { writes: new Map(), usersRead: 0 };
  for (const home of space.data.forests) {
    const mine = sampled.filter((p) => p.home === home);
    if (!mine.length) continue;
    const source = (await space.directories(home.role))[at].dc;
    const sink = (await space.directories(mine[0].target.role))[at].dc;
    await observeDirection(source, sink, flow, mine[0].target, mine, observed);
  }
  return observed;
}

async function observeDirection(
  source: SeededDirectory,
  sink: SeededDirectory,
  flow: GalSyncFlow,
  target: Forest,
  users: PreviewedUser[],
  observed: Observed,
): Promise<void> {
  const container = `${PREVIEW_CONTAINER},${target.baseDn}`;
  await withLdap(sink.admin, async (client) => {
    if (!(await readEntry(client, container, ['1.1'])))
      await client.add(container, {
        objectClass: ['top', 'organizationalUnit'],
        ou: 'lync-harness flow preview',
      });
  });
  const run = await runGalSyncFor(
    source.admin,
    sink.admin,
    flow,
    users.map((p) => p.user.dn),
  );
  const landed = await withLdap(sink.admin, (c) =>
    pagedSearch(c, container, '(objectClass=contact)', COMPARED),
  );
  const landedByKey = new Map(landed.map((e) => [dnKey(e.dn), e]));
  const read = new Set([...run.written.map((w) => w.source), ...run.rejected.map((r) => r.dn)].map(dnKey));
  observed.usersRead += read.size;
  const asked = new Set(users.map((p) => dnKey(p.user.dn)));
  const strays = [...read].filter((key) => !asked.has(key));
  if (strays.length)
    throw new Error(`[gal] GALSync read objects it was not asked for: ${strays.slice(0, 5).join('; ')}`);
  const rejected = new Set(run.rejected.map((r) => dnKey(r.dn)));
  const writtenBy = new Map(run.written.map((w) => [dnKey(w.source), dnKey(w.dn)]));
  for (const p of users) {
    const key = dnKey(p.user.dn);
    const landedDn = writtenBy.get(key);
    const landedEntry = landedDn ? landedByKey.get(landedDn) : undefined;
    observed.writes.set(
      p,
      !read.has(key)
        ? { outcome: 'not selected' }
        : rejected.has(key)
          ? { outcome: 'rejected' }
          : {
              outcome: 'written',
              dn: landedEntry ? dnKey(landedEntry.dn) : (landedDn ?? 'nothing landed'),
              attributes: Object.fromEntries(COMPARED.map((a) => [a, landedEntry?.first(a) ?? ''])),
            },
    );
  }
}

function judge(user: DirectoryEntry, flow: GalSyncFlow, home: Forest, target: Forest): PreviewedUser {
  return { user, home, target, projection: selectedProjection(user, flow, target.baseDn) };
}

/** The model's verdict on what GALSync writes for the user. */
function writesOf(preview: FlowPreview, p: PreviewedUser): Verdict<GalSyncWrite> {
  return writesOfProjection(p.projection, preview.flow, COMPARED);
}

/**
 * The contact the model projects for the user, as a directory object (for the rules' verdicts); made
 * when a check asks, so the worker's preview does not hold a second copy of every user.
 */
export function contactOf(p: PreviewedUser): DirectoryEntry | undefined {
  const projection = p.projection?.value;
  return projection?.outcome === 'projected'
    ? new DirectoryEntry(projection.dn, {
        objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
        ...projection.attributes,
      })
    : undefined;
}

/**
 * The two-witness check of a preview, through the tenant-check verb: per user, the model's verdict on
 * what GALSync writes; for the sampled users, against what GALSync wrote over LDAP. `finding` gives
 * the rule's source-side outcome for a user, decided as the check reaches it.
 */
export async function checkFlowPreview(
  world: HarnessWorld,
  preview: FlowPreview,
  rule: string,
  finding: (p: PreviewedUser) => FindingOutcome | undefined,
  rules: string[] = [rule],
): Promise<void> {
  const first = world.tenantSpace.data.forests[0];
  const dcs = first ? await world.tenantSpace.directories(first.role) : [];
  const wire = (
    witness: DirectoryWitness['witness'],
    at: number,
  ): TenantWire<PreviewedUser, GalSyncWrite> => {
    let observed: Observed | undefined;
    const detail: Record<string, unknown> = { flow: preview.flow.name };
    return {
      witness,
      prepare: async (sampled) => {
        observed = await observeFlow(
          world.tenantSpace,
          preview.flow,
          sampled.map((o) => o.item),
          at,
        );
        detail.usersRead = observed.usersRead;
      },
      observe: async ({ item }) => observed?.writes.get(item),
      detail,
    };
  };
  await world.checkTenant<PreviewedUser, GalSyncWrite>({
    rule,
    rules,
    claim: `every contact GALSync writes with flow "${preview.flow.name}" is the contact the model projects`,
    objects: preview.users.map((p) => ({ dn: p.user.dn, forest: p.home.domain, item: p })),
    decide: (p) => writesOf(preview, p),
    finding: (_, { item }) => finding(item),
    wire: dcs.map((d, at) => wire(d.witness, at)),
  });
}
