import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseReadyLine, type ReadyInfo } from '../../mocks/ready-line';
import { AdminClient } from './admin-client';
import { indent, LogTail } from './container/log-tail';
import { mockProgram } from './mock-program';
import type { StartedService } from './started-service';

/**
 * V8 flags of every mock process (the image's entry point carries the same, docker/Dockerfile). A
 * mock's young generation capped at two 1 MB semi-spaces (V8 grows them to 16 MB each under load),
 * and its heap grown by at most half before the next full collection (V8 allows up to 4x): measured on
 * the sample run, the mocks' summed peak fell from about 745 to 650 MB, their CPU within the noise;
 * a mock DC seeded with 100,000 objects peaked at 342 MB instead of 380-408, for 13% more of its CPU.
 */
export const MOCK_PROCESS_FLAGS = ['--max-semi-space-size=1', '--heap-growing-percent=50'];

/**
 * Embedded mode: each mock service in a Node process of its own on this host, started from the
 * compiled mock program (mocks/serve-one.mjs <kind>), its URLs read from its ready line. A service that
 * crashes takes only itself down; its death is named with its last log lines.
 */
export async function startProcessService(kind: string, name = kind): Promise<StartedService> {
  // The IPC channel ties the service's life to the harness's: serve-one stops when it disconnects.
  const child = spawn(process.execPath, [...MOCK_PROCESS_FLAGS, ...(await mockProgram()), kind], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  living.add(child);
  child.once('exit', () => living.delete(child));
  const log = new LogTail(child.stderr!);
  const ready = await readyLine(child, name, log);
  // Once it is up, nothing of a service keeps the harness alive: the harness's exit ends it (below).
  for (const handle of [child, child.channel, child.stdout, child.stderr])
    (handle as { unref?(): void } | null | undefined)?.unref?.();
  const died = () => deathOf(child, name, log);
  let stopped: Promise<void> | undefined;
  return {
    name,
    urls: ready.urls,
    admin: new AdminClient(ready.urls.admin),
    death: async () => (child.exitCode !== null || child.signalCode !== null ? died() : undefined),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
    stop: () => {
      stopped ??= stopChild(child);
      return stopped;
    },
  };
}

/**
 * The services this process started and that still run: killed when it exits, whatever way it exits
 * (a service whose event loop is stuck never sees the IPC channel close).
 */
const living = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of living) child.kill('SIGKILL');
});

function readyLine(child: ChildProcess, name: string, log: LogTail): Promise<ReadyInfo> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const info = parseReadyLine(line);
      if (info) resolve(info);
    });
    child.once('exit', () => reject(deathOf(child, name, log, 'before it was ready')));
    child.once('error', (error) =>
      reject(new Error(`[harness] service "${name}" did not start: ${error.message}`)),
    );
  });
}

function deathOf(child: ChildProcess, name: string, log: LogTail, when = 'mid-run'): Error {
  const how = child.signalCode ? `was killed (${child.signalCode})` : `exited with status ${child.exitCode}`;
  return new Error(
    `[harness] service "${name}" died ${when}: its process ${how}; last log lines:\n${indent(log.last())}`,
  );
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // Unreferenced, the child would not keep the harness alive until it exits: a harness with nothing
  // else pending (serve, unwinding from an error) would end at once with status 0, its error unprinted.
  child.ref();
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
