import { existsSync } from 'node:fs';
import { type ContainerRuntimeClient, getContainerRuntimeClient } from 'testcontainers';

/** No Docker engine answered: the run cannot use container mode. */
export class NoDockerEngineError extends Error {}

/**
 * The local Docker engine, with testcontainers set up for it: no Ryuk (it would be pulled; the
 * harness removes its own containers) and the loopback host (there is no bridge to look up when
 * dockerd runs with --bridge=none). Throws NoDockerEngineError with one line saying what to do.
 */
export async function dockerEngine(): Promise<ContainerRuntimeClient> {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= '127.0.0.1';
  const where = process.env.DOCKER_HOST ?? '/var/run/docker.sock';
  if (!process.env.DOCKER_HOST && !existsSync(where)) throw noEngine(`${where} does not exist`);
  try {
    return await getContainerRuntimeClient();
  } catch (error) {
    throw noEngine(firstLine(String((error as Error).message)));
  }
}

function noEngine(why: string): NoDockerEngineError {
  return new NoDockerEngineError(
    `--services containers needs a Docker engine and none is reachable (${why}): install and start one ` +
      `(Debian: apt-get install docker.io && dockerd --bridge=none --iptables=false &), or run with --services embedded`,
  );
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 160);
}
