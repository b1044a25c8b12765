import type { ContainerRuntimeClient } from 'testcontainers';
import { AdminClient } from './admin-client';
import { removeOrphans } from './container/cleanup';
import { dockerEngine, NoDockerEngineError } from './container/engine';
import { ensureMockImage, type ImageBuild } from './container/image';
import { containerNetwork, MockContainer } from './container/mock-container';
import { indent } from './container/ready-wait';
import type { SambaContainerParts } from './container/samba-container';
import type { StartedService } from './started-service';

/**
 * Container mode: each mock service runs the same registered factory inside the mock image
 * (mocks/serve-one.ts), one container each (container/mock-container.ts: the host's network, or a
 * bridge with ports published on the host's loopback). Readiness is the ready line and the admin
 * API's health; removal is on stop, Ctrl-C or SIGTERM (container/cleanup.ts).
 */
interface Prepared extends ImageBuild {
  client: ContainerRuntimeClient;
}

let prepared: Promise<Prepared> | undefined;

/** Checks the engine and builds the image if needed, once per process (the run command calls it first). */
export function prepareContainerMode(): Promise<Prepared> {
  prepared ??= (async () => {
    const client = await dockerEngine();
    await removeOrphans();
    return { client, ...(await ensureMockImage(client)) };
  })();
  prepared.catch(() => {
    prepared = undefined;
  });
  return prepared;
}

/** Starts service `kind` of the mock image; `name` tells two instances of one kind apart (`tenant/exchange`). */
export async function startContainerService(kind: string, name = kind): Promise<StartedService> {
  const { image } = await prepareContainerMode();
  const samba = kind.startsWith('samba-') ? await sambaParts(image) : undefined;
  let container: MockContainer;
  try {
    const parts = samba && { image: samba.image, env: samba.env, binds: samba.binds };
    container = await MockContainer.start({ image, kind, name, network: containerNetwork(), ...parts });
  } catch (error) {
    samba?.release();
    throw error;
  }
  // Known dead once its log ended, or once an admin call found the container no longer running (Docker
  // can tell before the log stream ends): the set then charges the death to the scenario.
  let seenDead = false;
  const died = async () => {
    seenDead = true;
    return new Error(
      `[containers] service "${name}" died mid-run: its container ${await container.exit()}; last log lines:\n${indent(container.log.last())}`,
    );
  };
  let stopped: Promise<void> | undefined;
  return {
    name,
    urls: container.urls,
    admin: new ContainerAdminClient(container, died),
    death: async () => (container.log.exited || seenDead ? died() : undefined),
    stop: () => {
      stopped ??= container.stop().finally(() => samba?.release());
      return stopped;
    },
  };
}

/** A Samba DC's container: the Samba image, the host's network only (Samba binds a loopback address of its own). */
async function sambaParts(mockImage: string): Promise<SambaContainerParts> {
  if (containerNetwork() !== 'host')
    throw new Error('[containers] a Samba DC runs on the host network only (Samba binds 127.0.0.N:389)');
  const {
    sambaContainerParts,
  }: typeof import('./container/samba-container') = require('./container/samba-container');
  return sambaContainerParts(mockImage);
}

/** An admin client that, once the service's container has died, says so instead of "fetch failed". */
class ContainerAdminClient extends AdminClient {
  constructor(
    private readonly container: MockContainer,
    private readonly died: () => Promise<Error>,
  ) {
    super(container.urls.admin);
  }

  override async call<T = unknown>(method: string, path: string, body?: unknown, type?: string): Promise<T> {
    if (this.container.log.exited) throw await this.died();
    try {
      return await super.call<T>(method, path, body, type);
    } catch (error) {
      // A failed call to a container that is no longer running is its death: asked of Docker, and of
      // the log's end, whichever tells first on a busy machine (not a bare "socket hang up").
      const log = this.container.log;
      if (!(await this.container.running()) || (await log.waitForExit(300))) throw await this.died();
      throw error;
    }
  }
}

/** For the run command: undefined when container mode can run, else the one line that says why not. */
export async function containerModeProblem(): Promise<string | undefined> {
  try {
    const { image, built, ms } = await prepareContainerMode();
    if (built) console.error(`[containers] built ${image} in ${(ms / 1000).toFixed(1)} s`);
    return undefined;
  } catch (error) {
    if (error instanceof NoDockerEngineError) return error.message;
    throw error;
  }
}
