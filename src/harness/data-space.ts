import type { ForestRole, Tenant } from '../tenant/tenant';
import { forestByRole } from '../tenant/tenant';
import { type SeededCloud, seedCloud } from './cloud-directory';
import { type DirectoryKind, directoryService, type SeededDirectory, seedDirectory } from './directory';
import { type LyncOnlinePerson, lyncOnlineDirectory } from './lync-online-seed';
import type { ServiceSet, StartedService } from './service-set';

/** One domain controller of a forest and the witness name its observations carry. */
export interface DirectoryWitness {
  /** `ldap`: the mock DC; `samba`: Samba's AD DC (`--ldap samba`). */
  witness: 'ldap' | 'samba';
  dc: SeededDirectory;
}

export interface SeededLyncOnline {
  service: StartedService;
  people: LyncOnlinePerson[];
}

/**
 * A part of a space's services, as a tenant check reads it: a forest's domain controllers, the cloud
 * (Exchange Online, seeded by DirSync from the online forest's DC) or Lync Online.
 */
export type SpacePart = `directory:${ForestRole}` | 'cloud' | 'lync-online';

/**
 * One set of directory data and the services seeded from it, each seeded once per worker on first
 * use: the forests' mock DCs, Exchange Online (DirSync over LDAP, then the export) and Lync Online.
 * The rule examples run in the fixtures' space, the tenant checks in the tenant's; every later
 * scenario gets the seeded data back through reset.
 */
export class DataSpace {
  /** The names of the services this space asked for. */
  private readonly names = new Set<string>();
  /** Exchange Online holds DirSync's export: the online forest's DC is no longer needed for it. */
  private cloudSeeded = false;
  /** What the worker's scenarios read from here on (a tenant check's stage and the later ones); undefined: anything. */
  private readLater?: readonly SpacePart[];

  constructor(
    /** `fixtures` (the notes' people) or `tenant` (the user's forests). */
    readonly label: string,
    readonly data: Tenant,
    private readonly services: ServiceSet,
    /** Prefix of this space's service names, so two spaces never share a service. */
    private readonly prefix: string,
    /** Availability of signed-in people by SIP address (the rest are Available). */
    private readonly presence: Record<string, string> = {},
    /** Which domain controllers play the forests. */
    private readonly directoryKind: DirectoryKind = 'mock',
  ) {}

  /** Whether `name` is one of this space's services. */
  owns(name: string): boolean {
    return this.names.has(name);
  }

  /**
   * The names of this space's services that `parts` need now: the cloud needs the online forest's DC
   * too until DirSync's export is loaded (a cloud started anew later seeds again, starting the DC).
   */
  servicesFor(parts: readonly SpacePart[]): Set<string> {
    const dcs = (role: ForestRole) => this.directoryNames(role);
    const names = new Set<string>();
    for (const part of parts) {
      if (part === 'lync-online') names.add(`${this.prefix}lync-online`);
      else if (part === 'cloud') {
        names.add(`${this.prefix}exchange`);
        if (!this.cloudSeeded) for (const name of dcs('online')) names.add(name);
      } else for (const name of dcs(part.slice('directory:'.length) as ForestRole)) names.add(name);
    }
    return names;
  }

  /**
   * The worker's scenarios read only `parts` of this space from now on (undefined: anything): a DC
   * needed only to seed the cloud stops as soon as DirSync has read it.
   */
  willRead(parts: readonly SpacePart[] | undefined): void {
    this.readLater = parts;
  }

  private directoryNames(role: ForestRole): string[] {
    const kinds: DirectoryKind[] = this.directoryKind === 'samba' ? ['mock', 'samba'] : ['mock'];
    return kinds.map((kind) => this.prefix + directoryService(role, kind));
  }

  /**
   * Starts and seeds side by side every service of `parts` this space's data has (no online forest:
   * no cloud and no Lync Online), so a stage's checks never wait for one DC after another.
   */
  async prepare(parts: readonly SpacePart[]): Promise<void> {
    const online = this.hasForest('online');
    await Promise.all(
      parts.map((part) => {
        if (part === 'cloud') return online && this.cloud();
        if (part === 'lync-online') return online && this.lyncOnline();
        const role = part.slice('directory:'.length) as ForestRole;
        return this.hasForest(role) && this.directories(role);
      }),
    );
  }

  hasForest(role: ForestRole): boolean {
    return this.data.forests.some((f) => f.role === role);
  }

  /** The forest's mock DC: what Exchange Online's DirSync and the other services are seeded from. */
  directory(role: ForestRole): Promise<SeededDirectory> {
    return this.seededDirectory(role, 'mock');
  }

  /**
   * Every domain controller that witnesses the forest, seeded alike: the mock DC, and with `--ldap
   * samba` Samba's AD DC beside it (the third witness). A check that reads the directory asks each.
   */
  async directories(role: ForestRole): Promise<DirectoryWitness[]> {
    const kinds: DirectoryKind[] = this.directoryKind === 'samba' ? ['mock', 'samba'] : ['mock'];
    const dcs = await Promise.all(kinds.map((kind) => this.seededDirectory(role, kind)));
    return dcs.map((dc, i) => ({ witness: kinds[i] === 'samba' ? 'samba' : 'ldap', dc }));
  }

  private seededDirectory(role: ForestRole, kind: DirectoryKind): Promise<SeededDirectory> {
    return this.seedOnce(directoryService(role, kind), (service) =>
      seedDirectory(service, forestByRole(this.data, role)),
    );
  }

  cloud(): Promise<SeededCloud> {
    return this.seedOnce('exchange', async (exchange) => {
      // Once DirSync has read the forest, a DC nothing later reads stops before Exchange has taken
      // the whole export in (its journal, DirSync's reads, goes with it).
      const read = async () => {
        if (!this.readLater || this.readLater.includes('directory:online')) return;
        const dcs = new Set(this.directoryNames('online'));
        await this.services.stopUnless((name) => !dcs.has(name));
      };
      const cloud = await seedCloud(exchange, await this.directory('online'), read);
      this.cloudSeeded = true;
      return cloud;
    });
  }

  lyncOnline(): Promise<SeededLyncOnline> {
    return this.seedOnce('lync-online', async (service) => {
      const people = lyncOnlineDirectory(this.data, this.presence);
      await service.admin.loadData(JSON.stringify({ people }), 'application/json');
      return { service, people };
    });
  }

  private seedOnce<T>(kind: string, seed: (service: StartedService) => Promise<T>): Promise<T> {
    const name = this.prefix + kind;
    this.names.add(name);
    return seededOnce(this.services, name, seed);
  }
}

const seeded = new WeakMap<StartedService, Promise<unknown>>();

/**
 * A service seeded once: the seeding belongs to the started service, so a service that died and was
 * started again is seeded again, and every other scenario gets its data back through reset.
 */
export async function seededOnce<T>(
  services: ServiceSet,
  name: string,
  seed: (service: StartedService) => Promise<T>,
): Promise<T> {
  const service = await services.get(name);
  let pending = seeded.get(service) as Promise<T> | undefined;
  if (!pending) {
    pending = seed(service);
    seeded.set(service, pending);
    pending.catch(() => seeded.delete(service));
  }
  return pending;
}
