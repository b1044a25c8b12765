import { type ContainerRuntimeClient, GenericContainer } from 'testcontainers';
import { ADMIN_TOKEN_VARIABLE, adminToken } from '../../mocks/admin';
import { AdminClient } from './admin-client';
import { OWNER_LABEL, own, removeContainer, removeOrphans } from './container/cleanup';
import { dockerEngine, NoDockerEngineError } from './container/engine';
import { ensureMockImage, type ImageBuild } from './container/image';
import { LogTail } from './container/log-tail';
import { indent, ReadyLineHealthWait } from './container/ready-wait';
import type { StartedService } from './started-service';

/**
 * Container mode: each mock service runs the same registered factory inside the mock image
 * (mocks/serve-one.ts) on the host network, so its ports are the host's loopback ports and its
 * ready line reports them. Readiness is the admin API's health; removal is on stop, Ctrl-C or
 * SIGTERM (container/cleanup.ts).
 */
interface Prepared extends ImageBuild {
  client: ContainerRuntimeClient;
}

let prepared: Promise<Prepared> | undefined;

/** Checks the engine and builds the image if needed, once per process (the run command calls it first). */
export function prepareContainerMode(): Promise<Prepared> {
  prepared ??= (async () => {
    const client = await dockerEngine();
    await removeOrphans(client);
    return { client, ...(await ensureMockImage(client)) };
  })();
  prepared.catch(() => {
    prepared = undefined;
  });
  return prepared;
}

/** Starts service `kind` of the mock image; `name` tells two instances of one kind apart (`tenant/exchange`). */
export async function startContainerService(kind: string, name = kind): Promise<StartedService> {
  const { client, image } = await prepareContainerMode();
  const wait = new ReadyLineHealthWait(name);
  const container = await new GenericContainer(image)
    .withNetworkMode('host')
    .withCommand([kind])
    .withEnvironment({ [ADMIN_TOKEN_VARIABLE]: adminToken() })
    .withLabels({ [OWNER_LABEL]: String(process.pid), 'lync-harness.service': name })
    .withWaitStrategy(wait)
    .withStartupTimeout(30_000)
    .start();
  own(client, container.getId());
  const tail = new LogTail(await container.logs());
  const urls = wait.ready?.urls ?? {};
  const died = () => diedError(client, container.getId(), name, tail);
  let stopped: Promise<void> | undefined;
  return {
    name,
    urls,
    admin: new ContainerAdminClient(urls.admin, tail, died),
    death: async () => (tail.exited ? died() : undefined),
    stop: () => {
      stopped ??= removeContainer(client, container.getId());
      return stopped;
    },
  };
}

/** An admin client that, once the service's container has died, says so instead of "fetch failed". */
class ContainerAdminClient extends AdminClient {
  constructor(
    baseUrl: string,
    private readonly tail: LogTail,
    private readonly died: () => Promise<Error>,
  ) {
    super(baseUrl);
  }

  override async call<T = unknown>(method: string, path: string, body?: unknown, type?: string): Promise<T> {
    if (this.tail.exited) throw await this.died();
    try {
      return await super.call<T>(method, path, body, type);
    } catch (error) {
      if (await this.tail.waitForExit(300)) throw await this.died();
      throw error;
    }
  }
}

async function diedError(
  client: ContainerRuntimeClient,
  id: string,
  service: string,
  tail: LogTail,
): Promise<Error> {
  let how = 'exited';
  try {
    const { State } = await client.container.inspect(client.container.getById(id));
    how = `exited with status ${State.ExitCode}${State.OOMKilled ? ' (out of memory)' : ''}`;
  } catch {
    // Already removed: the log lines still tell what happened.
  }
  return new Error(
    `[containers] service "${service}" died mid-run: its container ${how}; last log lines:\n${indent(tail.last())}`,
  );
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
