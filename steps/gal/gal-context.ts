import { type DirSyncResult, runDirSync } from '../../src/clients/ldap/dirsync';
import { type GalSyncResult, runGalSync } from '../../src/clients/ldap/galsync';
import { FLOW_EXAMPLES, loadGalSyncFlow } from '../../src/clients/ldap/galsync-flow';
import { readEntry, withLdap } from '../../src/clients/ldap/ldap-client';
import { type ContactProjection, type GalSyncFlow, projectContact } from '../../src/model/gal';
import type { Verdict } from '../../src/model/verdict';
import { DirectoryEntry } from '../../src/tenant/entry';
import type { HarnessWorld } from '../support/world';

/** One named person of a GALSync rule example: the ABC user, the model's projection, what landed in XYZ. */
export interface Person {
  name: string;
  user: DirectoryEntry;
  projection: ContactProjection;
  /** The model's verdict the projection comes from. */
  projected: Verdict<ContactProjection>;
  /** The contact read back from XYZ's mock DC over LDAP (undefined: none). */
  landed?: DirectoryEntry;
}

export class GalContext {
  flow?: GalSyncFlow;
  people: Person[] = [];
  run?: GalSyncResult;
  dirsync?: DirSyncResult;
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
 * GALSync's first run for some ABC users of the fixtures: their contacts in XYZ are removed first (a
 * fresh GALSync OU), then GALSync reads ABC and writes XYZ over LDAP, and each contact is read back.
 */
export async function runGalSyncFor(world: HarnessWorld, flow: GalSyncFlow, names: string[]): Promise<void> {
  const ctx = gal(world);
  const abc = await world.fixtures.directory('onpremises');
  const xyz = await world.fixtures.directory('online');
  const users = names.map((name) => fixtureUser(abc.forest.entries, name));
  ctx.people = users.map((user, i) => ({
    name: names[i],
    user,
    ...((v) => ({ projection: v.value, projected: v }))(projectContact(user, flow, xyz.forest.baseDn)),
  }));
  const contactDn = (p: Person) => `CN=${p.user.first('cn')},${flow.target.container},${xyz.forest.baseDn}`;
  await withLdap(xyz.admin, async (client) => {
    const container = `${flow.target.container},${xyz.forest.baseDn}`;
    if (!(await readEntry(client, container, ['1.1'])))
      await client.add(container, {
        objectClass: ['top', 'organizationalUnit'],
        ou: container.slice(3, container.indexOf(',')),
      });
    for (const p of ctx.people)
      if (await readEntry(client, contactDn(p), ['1.1'])) await client.del(contactDn(p));
  });
  ctx.run = await runGalSync(
    abc.admin,
    xyz.admin,
    flow,
    users.map((u) => u.first('sAMAccountName') ?? ''),
  );
  await withLdap(xyz.admin, async (client) => {
    for (const p of ctx.people) p.landed = await readEntry(client, contactDn(p));
  });
}

/** DirSync over XYZ, scoped (as DirSync's OU filtering allows) to the contacts of the example's people. */
export async function runDirSyncInXyz(world: HarnessWorld): Promise<void> {
  const ctx = gal(world);
  const xyz = await world.fixtures.directory('online');
  const result: DirSyncResult = { exported: [], skipped: [] };
  for (const p of ctx.people.filter((person) => person.landed)) {
    const part = await runDirSync({ ...xyz.admin, baseDn: p.landed!.dn });
    result.exported.push(...part.exported);
    result.skipped.push(...part.skipped);
  }
  ctx.dirsync = result;
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
