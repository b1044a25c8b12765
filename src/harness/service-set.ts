import { ADMIN_TOKEN_VARIABLE, adminToken } from '../../mocks/admin/admin-token';
import { startProcessService } from './process-service';
import type { ServiceMode, StartedService } from './started-service';

export type { ServiceMode, StartedService } from './started-service';

/**
 * The mock services of one worker process, each in a process (embedded) or container of its own,
 * started on first use. A service that dies fails the scenario it died in, named; the next scenario
 * that asks for it gets a new one (the environment seeds it again: seeded data is tied to the
 * started service). Each scenario that uses a service gets it back at its fixtures: `beginScenario`
 * marks every started service, and its first use in the scenario resets it, so a scenario pays only
 * for the services it touches.
 */
export class ServiceSet {
  private readonly started = new Map<string, Promise<StartedService>>();
  /** Per service, the scenario it was last made ready for (reset, or started in it) and that reset. */
  private readonly readyFor = new Map<string, { correlationId?: string; reset: Promise<void> }>();
  /** Deaths not yet charged to a scenario. */
  private readonly deaths: Error[] = [];
  /** The running scenario's correlation ID, handed to services that start in the middle of it. */
  private correlationId?: string;

  constructor(readonly mode: ServiceMode = 'embedded') {
    // One admin token for this process, set before any service starts: its processes and containers
    // take it from the environment, and every AdminClient here sends it.
    process.env[ADMIN_TOKEN_VARIABLE] ||= adminToken();
  }

  /** The service, started on its first use, and reset on its first use in the running scenario. */
  async get(name: string): Promise<StartedService> {
    const pending = this.started.get(name) ?? this.startNamed(name);
    const service = await pending;
    await this.ready(name, service);
    return service;
  }

  /**
   * Every started service still alive that `within` admits (all by default), each reset for the
   * running scenario (faults go into all of them).
   */
  async alive(within: (name: string) => boolean = () => true): Promise<StartedService[]> {
    await this.forgetDead();
    return Promise.all([...this.started.keys()].filter(within).map((name) => this.get(name)));
  }

  /** The services the running scenario used: the only ones whose journals can hold its requests. */
  async used(): Promise<StartedService[]> {
    await this.forgetDead();
    const names = [...this.started.keys()].filter(
      (name) => this.readyFor.get(name)?.correlationId === this.correlationId,
    );
    return Promise.all(names.map((name) => this.started.get(name)!));
  }

  /** Deaths since the last call, each naming its service: the scenario that saw them fails with them. */
  async takeDeaths(): Promise<Error[]> {
    await this.forgetDead();
    return this.deaths.splice(0);
  }

  /** A scenario begins: a service it uses is reset first (and its journal tagged with the ID). */
  async beginScenario(correlationId: string): Promise<void> {
    this.correlationId = correlationId;
    await this.forgetDead();
  }

  private startNamed(name: string): Promise<StartedService> {
    const correlationId = this.correlationId;
    const service = this.start(name).then(async (started) => {
      try {
        if (correlationId) await started.admin.setCorrelation(correlationId);
      } catch (error) {
        // A service the set will not keep is not left running.
        await started.stop().catch(() => undefined);
        throw error;
      }
      return started;
    });
    this.started.set(name, service);
    // A service started in a scenario is fresh: no reset for it in that scenario.
    this.readyFor.set(name, { correlationId, reset: Promise.resolve() });
    service.catch(() => this.forget(name));
    return service;
  }

  /** Resets the service once for the running scenario; a failed reset is tried again on the next use. */
  private ready(name: string, service: StartedService): Promise<void> {
    const correlationId = this.correlationId;
    const last = this.readyFor.get(name);
    if (!correlationId || last?.correlationId === correlationId) return last?.reset ?? Promise.resolve();
    const reset = service.admin.reset(correlationId).then(() => undefined);
    this.readyFor.set(name, { correlationId, reset });
    reset.catch(() => {
      if (this.readyFor.get(name)?.reset === reset) this.readyFor.delete(name);
    });
    return reset;
  }

  private forget(name: string): void {
    this.started.delete(name);
    this.readyFor.delete(name);
  }

  /** Test-only: crashes a started service (embedded mode), to show a death fails only what needed it. */
  async crash(name: string): Promise<void> {
    const service = await this.get(name);
    if (!service.kill) throw new Error(`[harness] service "${name}" cannot be crashed in ${this.mode} mode`);
    await service.kill();
  }

  /** A service whose process died is dropped (and its death kept for the scenario): the next use starts it anew. */
  private async forgetDead(): Promise<void> {
    for (const [name, pending] of this.started) {
      const service = await pending.catch(() => undefined);
      const death = await service?.death();
      if (!service || !death) continue;
      this.forget(name);
      this.deaths.push(death);
      await service.stop().catch(() => undefined);
    }
  }

  /** Stops everything that started; reports every failure together. */
  stopAll(): Promise<void> {
    return this.stopUnless(() => false);
  }

  /**
   * Stops every started service `keep` does not name, its data with it: a later use starts and seeds
   * it anew. A death not yet charged stays kept for the scenario that sees it.
   */
  async stopUnless(keep: (name: string) => boolean): Promise<void> {
    await this.forgetDead();
    const leaving = [...this.started].filter(([name]) => !keep(name));
    for (const [name] of leaving) this.forget(name);
    const results = await Promise.allSettled(leaving.map(async ([, s]) => (await s).stop()));
    const failures = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason);
    if (failures.length) throw new AggregateError(failures, '[harness] some services did not stop cleanly');
  }

  /**
   * `name` is a registered service kind (src/harness/registry.ts), or `<space>/<kind>` for a second
   * instance of one; an unknown kind fails to start with the list of known ones in its log.
   */
  private async start(name: string): Promise<StartedService> {
    const kind = name.slice(name.lastIndexOf('/') + 1);
    if (this.mode === 'containers') return containers().startContainerService(kind, name);
    return startProcessService(kind, name);
  }
}

/** Loaded on first use: embedded runs never pay for loading testcontainers. */
function containers(): typeof import('./containers') {
  return require('./containers');
}
