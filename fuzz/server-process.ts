import { join } from 'node:path';
import { Child, type Exit } from './child';

export type ServiceUrls = Record<string, Record<string, string>>;

/** The child entries: each mock service as deployed (serve-one), or the LDIF reader (the LDIF "server"). */
export const ENTRIES = {
  services: join(__dirname, '..', 'mocks', 'serve-one.ts'),
  ldif: join(__dirname, 'ldif-worker.ts'),
} as const;

/**
 * The servers under test: one child process per mock service (mocks/serve-one.ts, as the harness runs
 * them), or the LDIF reader's process. The death of any of them is the fuzzer's signal.
 */
export class ServerProcess {
  readonly exit: Promise<Exit>;
  private asked = 0;
  private readonly waiting = new Map<number, (answer: unknown) => void>();

  private constructor(
    private readonly children: Map<string, Child>,
    readonly urls: ServiceUrls,
  ) {
    this.exit = Promise.race([...children.values()].map((c) => c.exit));
    for (const child of children.values())
      child.process.on('message', (message: { id: number; answer: unknown }) => {
        this.waiting.get(message.id)?.(message.answer);
        this.waiting.delete(message.id);
      });
  }

  static async start(entry: string, names: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
    const services = entry === ENTRIES.services ? names : ['ldif-reader'];
    const started = await Promise.allSettled(
      services.map((name) =>
        Child.start(entry, entry === ENTRIES.services ? [name, '--host', '127.0.0.1'] : [], env),
      ),
    );
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.kill() : undefined)));
      throw (failed as PromiseRejectedResult).reason;
    }
    const children = new Map(
      services.map((name, i) => [name, (started[i] as PromiseFulfilledResult<Child>).value]),
    );
    return new ServerProcess(children, Object.fromEntries([...children].map(([name, c]) => [name, c.urls])));
  }

  get alive(): boolean {
    return [...this.children.values()].every((c) => c.alive);
  }

  /** How the first child that died, died, and what it last wrote. */
  get exited(): (Exit & { service: string; stderr: string }) | undefined {
    const dead = [...this.children].find(([, c]) => !c.alive);
    return dead && { ...dead[1].exited!, service: dead[0], stderr: dead[1].stderrTail(3) };
  }

  /** Resident memory of each server process, by service. */
  rss(): Record<string, number | undefined> {
    return Object.fromEntries([...this.children].map(([name, c]) => [name, c.rssBytes()]));
  }

  /** Errors the servers caught at their top level and survived, and the first one's message. */
  get strays(): { count: number; first?: string } {
    const children = [...this.children.values()];
    return {
      count: children.reduce((n, c) => n + c.strayErrors, 0),
      first: children.find((c) => c.firstStray)?.firstStray,
    };
  }

  /** A question to the (one) child over IPC; resolves with its answer, or 'timeout'. */
  ask(question: object, timeoutMs: number): Promise<unknown> {
    const id = ++this.asked;
    const child = [...this.children.values()][0];
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve('timeout');
      }, timeoutMs);
      this.waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      if (child.alive && child.process.connected) child.process.send({ id, ...question }, () => undefined);
    });
  }

  async stop(): Promise<void> {
    await Promise.all([...this.children.values()].map((c) => c.stop()));
  }

  async kill(): Promise<void> {
    await Promise.all([...this.children.values()].map((c) => c.kill()));
  }
}
