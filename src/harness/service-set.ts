import type { StartedMock } from '../../mocks/admin';
import { AdminClient } from './admin-client';
import { serviceFactories } from './registry';

export interface StartedService {
  name: string;
  urls: Record<string, string>;
  admin: AdminClient;
  stop(): Promise<void>;
  /** Container mode: why the service's process is gone ("died mid-run", its last log lines), if it is. */
  death?(): Promise<Error | undefined>;
}

export type ServiceMode = 'embedded' | 'containers';

/**
 * The mock services of one worker process, started on first use and kept for the whole run.
 * `resetAll` returns every started service to its fixtures before a scenario.
 */
export class ServiceSet {
  private readonly started = new Map<string, Promise<StartedService>>();
  /** Services whose process died mid-run: not restarted (their data would be gone), each use fails. */
  private readonly dead = new Map<string, Error>();
  /** The running scenario's correlation ID, handed to services that start in the middle of it. */
  private correlationId?: string;

  constructor(readonly mode: ServiceMode = 'embedded') {}

  get(name: string): Promise<StartedService> {
    const death = this.dead.get(name);
    if (death) return Promise.reject(death);
    let service = this.started.get(name);
    if (!service) {
      service = this.start(name).then(async (started) => {
        if (this.correlationId)
          await started.admin.call('POST', '/__admin/correlation', { id: this.correlationId });
        return started;
      });
      this.started.set(name, service);
    }
    return service;
  }

  names(): string[] {
    return [...this.started.keys()];
  }

  async resetAll(correlationId: string): Promise<void> {
    this.correlationId = correlationId;
    await this.forgetDead();
    await Promise.all([...this.started.values()].map(async (s) => (await s).admin.reset(correlationId)));
  }

  /**
   * A service that died has failed the scenario it died in; it is set aside so that later scenarios
   * that do not use it still run, and each one that does fails with the same account of its death.
   */
  private async forgetDead(): Promise<void> {
    for (const [name, pending] of this.started) {
      const service = await pending.catch(() => undefined);
      const death = await service?.death?.();
      if (!service || !death) continue;
      this.started.delete(name);
      this.dead.set(name, death);
      await service.stop().catch(() => undefined);
    }
  }

  /** Stops everything that started; reports every failure together. */
  async stopAll(): Promise<void> {
    const results = await Promise.allSettled([...this.started.values()].map(async (s) => (await s).stop()));
    this.started.clear();
    const failures = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason);
    if (failures.length) throw new AggregateError(failures, '[harness] some services did not stop cleanly');
  }

  /** `name` is a registered service kind, or `<space>/<kind>` for a second instance of one. */
  private async start(name: string): Promise<StartedService> {
    const kind = name.slice(name.lastIndexOf('/') + 1);
    const factory = serviceFactories[kind];
    if (!factory)
      throw new Error(
        `[harness] unknown service "${kind}"; known: ${Object.keys(serviceFactories).join(', ')}`,
      );
    if (this.mode === 'containers') return containers().startContainerService(kind, name);
    const mock: StartedMock = await factory({ host: '127.0.0.1', port: 0 });
    return { name, urls: mock.urls, admin: new AdminClient(mock.urls.admin), stop: () => mock.stop() };
  }
}

/** Loaded on first use: embedded runs never pay for loading testcontainers. */
function containers(): typeof import('./containers') {
  return require('./containers');
}
