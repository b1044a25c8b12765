import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port on 127.0.0.1 that was free a moment ago (the kernel's pick). */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}

/**
 * openssl s_server on 127.0.0.1:`port`, returned once its socket listens: the condition is read from
 * /proc/net/tcp (s_server -quiet prints nothing), and the wait ends with openssl's own words if it exits
 * first (say, the port was taken), never on a time.
 */
export async function startOpensslServer(port: number, args: string[]): Promise<ChildProcess> {
  const child = spawn('openssl', ['s_server', '-accept', `127.0.0.1:${port}`, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  while (!listening(port)) {
    if (exited) throw new Error(`openssl s_server exited before listening on ${port}: ${stderr.trim()}`);
    await sleep(20);
  }
  return child;
}

/** Whether some socket listens on 127.0.0.1:`port` (state 0A in /proc/net/tcp). */
function listening(port: number): boolean {
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .some((line) => {
      const fields = line.trim().split(/\s+/);
      return fields[1] === local && fields[3] === '0A';
    });
}

/** The Edge mock in a process of its own (the client does not share its event loop), with its URLs. */
export function startEdgeChild(): Promise<{ child: ChildProcess; urls: Record<string, string> }> {
  const child = spawn(process.execPath, ['--require', 'ts-node/register', join(__dirname, 'edge-child.ts')], {
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (line: Buffer) => resolve({ child, urls: JSON.parse(line.toString()) }));
    child.once('exit', (code) => reject(new Error(`the Edge mock exited (${code})`)));
  });
}

/** CPU seconds a process has used so far (user + system, all its threads), from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
