import type { ForestRole, Tenant } from '../tenant/tenant';
import { forestByRole } from '../tenant/tenant';
import { type SeededCloud, seedCloud } from './cloud-directory';
import { DIRECTORY_SERVICE, type SeededDirectory, seedDirectory } from './directory';
import { type LyncOnlinePerson, lyncOnlineDirectory } from './lync-online-seed';
import type { ServiceSet, StartedService } from './service-set';

export interface SeededLyncOnline {
  service: StartedService;
  people: LyncOnlinePerson[];
}

/**
 * One set of directory data and the services seeded from it, each seeded once per worker on first
 * use: the forests' mock DCs, Exchange Online (DirSync over LDAP, then the export) and Lync Online.
 * The rule examples run in the fixtures' space, the tenant checks in the tenant's; every later
 * scenario gets the seeded data back through reset.
 */
export class DataSpace {
  private readonly seeded = new Map<string, Promise<unknown>>();

  constructor(
    /** `fixtures` (the notes' people) or `tenant` (the user's forests). */
    readonly label: string,
    readonly data: Tenant,
    private readonly services: ServiceSet,
    /** Prefix of this space's service names, so two spaces never share a service. */
    private readonly prefix: string,
    /** Availability of signed-in people by SIP address (the rest are Available). */
    private readonly presence: Record<string, string> = {},
  ) {}

  hasForest(role: ForestRole): boolean {
    return this.data.forests.some((f) => f.role === role);
  }

  directory(role: ForestRole): Promise<SeededDirectory> {
    return this.once(DIRECTORY_SERVICE[role], async () =>
      seedDirectory(await this.service(DIRECTORY_SERVICE[role]), forestByRole(this.data, role)),
    );
  }

  cloud(): Promise<SeededCloud> {
    return this.once('exchange', async () =>
      seedCloud(await this.service('exchange'), await this.directory('online')),
    );
  }

  lyncOnline(): Promise<SeededLyncOnline> {
    return this.once('lync-online', async () => {
      const service = await this.service('lync-online');
      const people = lyncOnlineDirectory(this.data, this.presence);
      await service.admin.loadData(JSON.stringify({ people }), 'application/json');
      return { service, people };
    });
  }

  private service(kind: string): Promise<StartedService> {
    return this.services.get(`${this.prefix}${kind}`);
  }

  private once<T>(key: string, seed: () => Promise<T>): Promise<T> {
    let pending = this.seeded.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = seed();
      this.seeded.set(key, pending);
      pending.catch(() => this.seeded.delete(key));
    }
    return pending;
  }
}
