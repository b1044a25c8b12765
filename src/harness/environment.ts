import { edgeInstallBody, POOL_STARTS_WITH, poolInstallBody } from '../pki/fixtures';
import type { Tenant } from '../tenant/tenant';
import { DataSpace, type SpacePart, seededOnce } from './data-space';
import type { DirectoryKind } from './directory';
import { FIXTURE_PRESENCE } from './fixtures';
import { type ServiceMode, ServiceSet, type StartedService } from './service-set';

export interface EnvironmentOptions {
  mode: ServiceMode;
  /** The user's tenant (their exports, a live read, or the sample): the tenant checks run on it. */
  tenant: Tenant;
  /** The rule examples' fixtures; the same data as the tenant (or absent, as for `serve`) makes one space. */
  fixtures?: Tenant;
  /** Which domain controllers play the forests: the mock DCs (default) or Samba's AD DC. */
  ldap?: DirectoryKind;
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

  constructor(options: EnvironmentOptions) {
    this.services = new ServiceSet(options.mode);
    const { tenant, fixtures, ldap } = options;
    if (!fixtures) {
      this.tenant = new DataSpace('tenant', tenant, this.services, '', {}, ldap);
      this.fixtures = this.tenant;
    } else {
      // The fixtures keep the plain service names; a tenant of its own gets services of its own.
      this.fixtures = new DataSpace('fixtures', fixtures, this.services, '', FIXTURE_PRESENCE, ldap);
      this.tenant =
        fixtures === tenant
          ? this.fixtures
          : new DataSpace('tenant', tenant, this.services, 'tenant/', {}, ldap);
    }
  }

  /** The Edge with the run's certificate and a Root store of EDGE_DEFAULT_ROOTS roots. */
  edge(): Promise<StartedService> {
    return this.installed('edge', async () => JSON.stringify(await edgeInstallBody(EDGE_DEFAULT_ROOTS)));
  }

  /** The Front End pool: its certificate chain by provisioning, its registrar certificate (public CA). */
  frontEnd(): Promise<StartedService> {
    return this.installed('lync-fe', async () => JSON.stringify(await poolInstallBody(POOL_STARTS_WITH)));
  }

  /** Starts and seeds every service of the tenant's space, the Edge and the pool (for `serve`). */
  async seedAll(): Promise<void> {
    const space = this.tenant;
    await Promise.all([
      ...(['onpremises', 'online'] as const)
        .filter((r) => space.hasForest(r))
        .map((r) => space.directories(r)),
      ...(space.hasForest('online') ? [space.cloud(), space.lyncOnline()] : []),
      this.edge(),
      this.frontEnd(),
    ]);
  }

  /**
   * Before each scenario: a service the scenario uses is back at its seeded data on its first use,
   * its journal tagged with the ID (ServiceSet.beginScenario). A tenant check first stops every service
   * outside the tenant's space (the fixtures' own, the Edge, the pool: no tenant check uses them), so
   * the two sets are not up at once, and with `needed` every tenant service outside those parts (no
   * later tenant check reads it); the run orders the rule examples first and the tenant checks by what
   * they read (steps/support/scenario-order.js), and a scenario that uses a stopped service after all
   * starts and seeds it again.
   */
  async reset(
    correlationId: string,
    scenario: { tenantCheck: boolean; needed?: readonly SpacePart[] },
  ): Promise<void> {
    this.tenant.willRead(scenario.tenantCheck ? scenario.needed : undefined);
    if (scenario.tenantCheck) {
      const needed = scenario.needed && this.tenant.servicesFor(scenario.needed);
      await this.services.stopUnless((name) => this.tenant.owns(name) && (!needed || needed.has(name)));
    }
    await this.services.beginScenario(correlationId);
  }

  stop(): Promise<void> {
    return this.services.stopAll();
  }

  private installed(name: string, body: () => Promise<string>): Promise<StartedService> {
    return seededOnce(this.services, name, async (service) => {
      await service.admin.loadData(await body(), 'application/json');
      return service;
    });
  }
}

/** The environment of one worker (or of `serve`): nothing starts until a scenario uses it. */
export function startEnvironment(options: EnvironmentOptions): Environment {
  return new Environment(options);
}
