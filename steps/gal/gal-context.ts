import { type DirSyncResult, runDirSync } from '../../src/clients/ldap/dirsync';
import { type GalSyncResult, runGalSync } from '../../src/clients/ldap/galsync';
import { FLOW_EXAMPLES, loadGalSyncFlow } from '../../src/clients/ldap/galsync-flow';
import { readEntry, withLdap } from '../../src/clients/ldap/ldap-client';
import type { DirectoryWitness } from '../../src/harness/data-space';
import type { SeededDirectory } from '../../src/harness/directory';
import { type ContactProjection, type GalSyncFlow, projectContact } from '../../src/model/gal';
import type { Verdict } from '../../src/model/verdict';
import { DirectoryEntry } from '../../src/tenant/entry';
import type { Observation } from '../support/verify';
import type { HarnessWorld } from '../support/world';

/** One named person of a GALSync rule example: the ABC user and the model's projection. */
export interface Person {
  name: string;
  user: DirectoryEntry;
  projection: ContactProjection;
  /** The model's verdict the projection comes from. */
  projected: Verdict<ContactProjection>;
}

/**
 * GALSync between one pair of domain controllers (ABC's and XYZ's mock DCs, or with `--ldap samba`
 * Samba's DCs beside them), and what each person's contact in XYZ's DC is afterwards.
 */
export interface GalRun {
  witness: DirectoryWitness['witness'];
  result: GalSyncResult;
  /** Each person's contact read back from XYZ's DC over LDAP (undefined: none), in `people` order. */
  landed: Array<DirectoryEntry | undefined>;
  xyz: SeededDirectory;
  dirsync?: DirSyncResult;
}

export class GalContext {
  flow?: GalSyncFlow;
  people: Person[] = [];
  runs: GalRun[] = [];
}

/** One observation per pair of domain controllers GALSync ran between. */
export function perRun<T>(
  ctx: GalContext,
  value: (run: GalRun) => T,
  detail?: (run: GalRun) => unknown,
): Array<Observation<T>> {
  return ctx.runs.map((run) => ({
    witness: run.witness,
    value: value(run),
    ...(detail ? { detail: detail(run) } : {}),
  }));
}

export const gal = (w: HarnessWorld) => w.area('gal', () => new GalContext());

export function namedFlow(world: HarnessWorld, name: string): GalSyncFlow {
  if (name === 'changed') {
    const flow = gal(world).flow;
    if (!flow) throw new Error('[gal] no changed flow: a Given step must change the documented flow first');
    return flow;
  }
  if (name === 'configured')
    return loadGalSyncFlow(world.galsyncFlowFile(`${FLOW_EXAMPLES}/out-of-the-box.yaml`));
  return loadGalSyncFlow(`${FLOW_EXAMPLES}/${name}.yaml`);
}

/**
 * GALSync's first run for some ABC users of the fixtures, between each pair of domain controllers: their
 * contacts in XYZ are removed first (a fresh GALSync OU), then GALSync reads ABC and writes XYZ over
 * LDAP, and each contact is read back.
 */
export async function runGalSyncFor(world: HarnessWorld, flow: GalSyncFlow, names: string[]): Promise<void> {
  const ctx = gal(world);
  const abcs = await world.fixtures.directories('onpremises');
  const xyzs = await world.fixtures.directories('online');
  const forest = abcs[0].dc.forest;
  const users = names.map((name) => fixtureUser(forest.entries, name));
  const baseDn = xyzs[0].dc.forest.baseDn;
  ctx.people = users.map((user, i) => ({
    name: names[i],
    user,
    ...((v) => ({ projection: v.value, projected: v }))(projectContact(user, flow, baseDn)),
  }));
  ctx.runs = [];
  for (const [i, { witness, dc: xyz }] of xyzs.entries())
    ctx.runs.push({ witness, xyz, ...(await galSyncBetween(abcs[i].dc, xyz, flow, ctx.people)) });
}

async function galSyncBetween(
  abc: SeededDirectory,
  xyz: SeededDirectory,
  flow: GalSyncFlow,
  people: Person[],
): Promise<Pick<GalRun, 'result' | 'landed'>> {
  const contactDn = (p: Person) => `CN=${p.user.first('cn')},${flow.target.container},${xyz.forest.baseDn}`;
  await withLdap(xyz.admin, async (client) => {
    const container = `${flow.target.container},${xyz.forest.baseDn}`;
    if (!(await readEntry(client, container, ['1.1'])))
      await client.add(container, {
        objectClass: ['top', 'organizationalUnit'],
        ou: container.slice(3, container.indexOf(',')),
      });
    for (const p of people)
      if (await readEntry(client, contactDn(p), ['1.1'])) await client.del(contactDn(p));
  });
  const result = await runGalSync(
    abc.admin,
    xyz.admin,
    flow,
    people.map((p) => p.user.first('sAMAccountName') ?? ''),
  );
  const landed = await withLdap(xyz.admin, (client) =>
    Promise.all(people.map((p) => readEntry(client, contactDn(p)))),
  );
  return { result, landed };
}

/** DirSync over XYZ's DC of each run, scoped (as DirSync's OU filtering allows) to the example's contacts. */
export async function runDirSyncInXyz(world: HarnessWorld): Promise<void> {
  for (const run of gal(world).runs) {
    const result: DirSyncResult = { exported: [], skipped: [] };
    for (const contact of run.landed.filter((e): e is DirectoryEntry => e !== undefined)) {
      const part = await runDirSync({ ...run.xyz.admin, baseDn: contact.dn });
      result.exported.push(...part.exported);
      result.skipped.push(...part.skipped);
    }
    run.dirsync = result;
  }
}

/** The model's contact as a directory object (for the model's DirSync decision). */
export function projectedEntry(p: Person): DirectoryEntry | undefined {
  return p.projection.outcome === 'projected'
    ? new DirectoryEntry(p.projection.dn, {
        objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
        ...p.projection.attributes,
      })
    : undefined;
}

function fixtureUser(entries: DirectoryEntry[], name: string): DirectoryEntry {
  const user = entries.find((e) => e.isA('user') && e.first('cn')?.toLowerCase() === name.toLowerCase());
  if (!user) throw new Error(`[gal] the fixtures' on-premises forest has no user named "${name}"`);
  return user;
}

export function splitNames(list: string): string[] {
  return list.split(/\s*(?:,|\band\b)\s*/).filter(Boolean);
}
