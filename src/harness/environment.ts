import { edgeInstallBody, poolInstallBody } from '../pki/fixtures';
import type { Tenant } from '../tenant/tenant';
import { DataSpace } from './data-space';
import { FIXTURE_PRESENCE } from './fixtures';
import { type ServiceMode, ServiceSet, type StartedService } from './service-set';

export interface EnvironmentOptions {
  mode: ServiceMode;
  /** The user's tenant (their exports, a live read, or the sample): the tenant checks run on it. */
  tenant: Tenant;
  /** The rule examples' fixtures; the same data as the tenant (or absent, as for `serve`) makes one space. */
  fixtures?: Tenant;
}

/** How many public roots the Edge's store holds when the environment installs it (replication works). */
export const EDGE_DEFAULT_ROOTS = 100;

/**
 * Every mock service of one worker process, seeded in one place: the fixtures' space for the rule
 * examples, the tenant's space for the tenant checks (one space when they are the same data), and
 * the run's PKI on the Edge and the Front End pool. It owns correlation and reset.
 */
export class Environment {
  readonly services: ServiceSet;
  readonly fixtures: DataSpace;
  readonly tenant: DataSpace;
  private edgeSeeded?: Promise<StartedService>;
  private poolSeeded?: Promise<StartedService>;

  constructor(options: EnvironmentOptions) {
    this.services = new ServiceSet(options.mode);
    const { tenant, fixtures } = options;
    if (!fixtures) {
      this.tenant = new DataSpace('tenant', tenant, this.services, '');
      this.fixtures = this.tenant;
    } else {
      // The fixtures keep the plain service names; a tenant of its own gets services of its own.
      this.fixtures = new DataSpace('fixtures', fixtures, this.services, '', FIXTURE_PRESENCE);
      this.tenant =
        fixtures === tenant ? this.fixtures : new DataSpace('tenant', tenant, this.services, 'tenant/');
    }
  }

  /** The Edge with the run's certificate and a Root store of EDGE_DEFAULT_ROOTS roots. */
  edge(): Promise<StartedService> {
    this.edgeSeeded ??= this.seeded('edge', async () =>
      JSON.stringify(await edgeInstallBody(EDGE_DEFAULT_ROOTS)),
    );
    return this.edgeSeeded;
  }

  /** The Front End pool: its certificate chain by provisioning, its registrar certificate (public CA). */
  frontEnd(): Promise<StartedService> {
    this.poolSeeded ??= this.seeded('lync-fe', async () =>
      JSON.stringify(await poolInstallBody('via intermediate')),
    );
    return this.poolSeeded;
  }

  /** Starts and seeds every service of the tenant's space, the Edge and the pool (for `serve`). */
  async seedAll(): Promise<void> {
    const space = this.tenant;
    await Promise.all([
      ...(['onpremises', 'online'] as const).filter((r) => space.hasForest(r)).map((r) => space.directory(r)),
      ...(space.hasForest('online') ? [space.cloud(), space.lyncOnline()] : []),
      this.edge(),
      this.frontEnd(),
    ]);
  }

  /** Before each scenario: every started service back to its seeded data, journal tagged with the ID. */
  reset(correlationId: string): Promise<void> {
    return this.services.resetAll(correlationId);
  }

  stop(): Promise<void> {
    return this.services.stopAll();
  }

  private async seeded(name: string, body: () => Promise<string>): Promise<StartedService> {
    const service = await this.services.get(name);
    await service.admin.loadData(await body(), 'application/json');
    return service;
  }
}

/** The environment of one worker (or of `serve`): nothing starts until a scenario uses it. */
export function startEnvironment(options: EnvironmentOptions): Environment {
  return new Environment(options);
}
