import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
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
export function own(id: string): void {
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
      await Promise.allSettled([...owned].map((c) => removeContainer(c)));
      // Then raise it again for whoever else listens (signal-exit, from dependencies, re-raises
      // it once it is alone), ending in Node's default: exit.
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** Removes a container (killed if it still runs); safe when it is already gone. */
export async function removeContainer(id: string): Promise<void> {
  owned.delete(id);
  try {
    await dockerApi().getContainer(id).remove({ force: true, v: true });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
}

/** Removes containers left by harness processes that no longer exist. */
export async function removeOrphans(): Promise<number> {
  const containers = await dockerApi().listContainers({
    all: true,
    filters: { label: [OWNER_LABEL] },
  });
  const orphans = containers.filter((c) => !processExists(Number(c.Labels[OWNER_LABEL])));
  await Promise.allSettled(orphans.map((c) => removeContainer(c.Id)));
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
