import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { READY_PREFIX } from '../mocks/ready-line';
import { adminToken } from './seeds';

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A small heap: a server that loops allocating dies in seconds instead of taking the machine's memory. */
const HEAP_MB = 512;
/** What mocks/serve-one.ts logs when it survives an error nobody caught. */
const STRAY = /\[serve-one\] (unhandled rejection|uncaught exception), still serving/g;

/** One child process that prints a ready line (`LYNC_MOCK_READY {service, urls}`) once it serves. */
export class Child {
  exited: Exit | undefined;
  readonly exit: Promise<Exit>;
  urls: Record<string, string> = {};
  /** Errors the process caught at its top level and survived (serve-one logs each one). */
  strayErrors = 0;
  firstStray?: string;
  private stderr = '';

  constructor(readonly process: ChildProcess) {
    this.exit = new Promise((resolve) =>
      process.once('exit', (code, signal) => {
        this.exited = { code, signal };
        resolve(this.exited);
      }),
    );
    process.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      const strays = text.match(STRAY)?.length ?? 0;
      if (strays && !this.firstStray)
        this.firstStray = text.slice(text.search(STRAY)).split('\n').slice(0, 2).join(' ');
      this.strayErrors += strays;
      this.stderr = (this.stderr + text).slice(-4000);
    });
  }

  /** Starts `node --require ts-node/register <entry> <args>` and waits for its ready line. */
  static start(
    entry: string,
    args: string[],
    env: NodeJS.ProcessEnv,
    readyTimeoutMs = 60_000,
  ): Promise<Child> {
    const planted = env.FUZZ_PLANT ?? process.env.FUZZ_PLANT;
    const preload = planted ? ['--require', join(__dirname, 'planted-fault.ts')] : [];
    const node = [`--max-old-space-size=${HEAP_MB}`, '--require', 'ts-node/register', ...preload];
    const child = new Child(
      spawn(process.execPath, [...node, entry, ...args], {
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', LYNC_MOCK_ADMIN_TOKEN: adminToken(), ...env },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      }),
    );
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => {
        child.process.kill('SIGKILL');
        reject(
          new Error(
            `[fuzz] ${entry} ${args.join(' ')} was not ready in ${readyTimeoutMs} ms\n${child.stderrTail()}`,
          ),
        );
      }, readyTimeoutMs);
      const onData = (c: Buffer) => {
        out += c.toString('utf8');
        const line = out.split('\n').find((l) => l.startsWith(READY_PREFIX));
        if (!line) return;
        clearTimeout(timer);
        child.process.stdout?.off('data', onData);
        child.process.stdout?.resume();
        child.urls = (JSON.parse(line.slice(READY_PREFIX.length)) as { urls: Record<string, string> }).urls;
        resolve(child);
      };
      child.process.stdout?.on('data', onData);
      child.exit.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(
          new Error(
            `[fuzz] ${entry} ${args.join(' ')} exited before it was ready (${code ?? signal})\n${child.stderrTail()}`,
          ),
        );
      });
    });
  }

  get alive(): boolean {
    return this.exited === undefined;
  }

  /** Resident memory, from /proc (readable even while the process's event loop is stuck). */
  rssBytes(): number | undefined {
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.process.pid}/status`, 'utf8'));
      return kb ? Number(kb[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  stderrTail(lines = 6): string {
    return this.stderr.trim().split('\n').slice(-lines).join('\n');
  }

  /** SIGTERM, then SIGKILL after `graceMs` (a stuck event loop never runs the SIGTERM handler). */
  async stop(graceMs = 3000): Promise<void> {
    if (!this.alive) return;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
  }

  kill(): Promise<Exit> {
    if (this.alive) this.process.kill('SIGKILL');
    return this.exit;
  }
}
