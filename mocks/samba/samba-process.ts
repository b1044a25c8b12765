import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { SAMBA } from './samba-binaries';

export interface SambaProcess {
  pid: number;
  /** Stops it by its process id and resolves once it has exited. */
  stop(): Promise<void>;
  /** Why it exited, if it did. */
  exited(): string | undefined;
}

/**
 * Runs `samba` in the foreground as one process (process model "single", so its pid is the whole
 * server) with `conf`, and resolves once its LDAP port accepts connections on `address`.
 */
export async function startSamba(conf: string, address: string): Promise<SambaProcess> {
  // Interactive samba ends when its stdin closes: a pipe from this process, so it never outlives it.
  const child = spawn(SAMBA, ['-i', '-M', 'single', '-s', conf], { stdio: ['pipe', 'pipe', 'pipe'] });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!])
    stream.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 50) output.shift();
    });
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = signal ? `killed (${signal})` : `exited with status ${code}`;
  });
  living.add(child);
  child.once('exit', () => living.delete(child));
  await listening(child, address, () => output.join('').trim().split('\n').slice(-10).join('\n'));
  return {
    pid: child.pid!,
    exited: () => exit,
    stop: () => stopChild(child),
  };
}

/** Samba processes this process started: killed by pid if it exits without stopping them. */
const living = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of living) child.kill('SIGKILL');
});

/** Polls the LDAP port until it accepts a connection, or fails with Samba's last output once it exits. */
async function listening(child: ChildProcess, address: string, tail: () => string): Promise<void> {
  const died = once(child, 'exit').then(() => {
    throw new Error(`[samba] samba exited before its LDAP port on ${address} was open:\n${tail()}`);
  });
  died.catch(() => undefined);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) await died;
    if (await accepts(address, 389)) return;
    await Promise.race([died, new Promise((r) => setTimeout(r, 50))]);
  }
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** SIGKILL: the instance's database is committed per transaction and its files are thrown away or restored. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
