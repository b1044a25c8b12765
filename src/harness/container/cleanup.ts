import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { ContainerRuntimeClient } from 'testcontainers';
import { dockerApi } from './docker-api';

/**
 * Removal of the harness's containers: each carries the owning process id as a label. They are
 * removed when stopped; on SIGINT (Ctrl-C) or SIGTERM; when the process exits while some still run
 * (also through another handler's process.exit: synchronously, by a small child process); and, if
 * the process was killed outright, by the next run (removeOrphans).
 */
export const OWNER_LABEL = 'lync-harness.owner-pid';

const owned = new Set<string>();
let guarding = false;

/** Remembers a container for removal on Ctrl-C / SIGTERM. */
export function own(client: ContainerRuntimeClient, id: string): void {
  owned.add(id);
  if (guarding) return;
  guarding = true;
  process.on('exit', () => {
    if (owned.size === 0) return;
    const script = join(__dirname, 'remove-containers.js');
    spawnSync(process.execPath, [script, ...owned], { stdio: 'ignore', timeout: 15_000 });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const onSignal = async () => {
      await Promise.allSettled([...owned].map((c) => removeContainer(client, c)));
      // Then raise it again for whoever else listens (signal-exit, from dependencies, re-raises
      // it once it is alone), ending in Node's default: exit.
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** Stops (2 s grace) and removes a container; safe when it is already gone. */
export async function removeContainer(client: ContainerRuntimeClient, id: string): Promise<void> {
  owned.delete(id);
  const container = client.container.getById(id);
  try {
    await container.remove({ force: true, v: true });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
}

/** Removes containers left by harness processes that no longer exist. */
export async function removeOrphans(client: ContainerRuntimeClient): Promise<number> {
  const containers = await dockerApi().listContainers({
    all: true,
    filters: { label: [OWNER_LABEL] },
  });
  const orphans = containers.filter((c) => !processExists(Number(c.Labels[OWNER_LABEL])));
  await Promise.allSettled(orphans.map((c) => removeContainer(client, c.Id)));
  return orphans.length;
}

function processExists(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
