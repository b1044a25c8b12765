import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { copyFiles } from './copy-files';
import { copyTemplate, type DomainTemplate } from './domain-template';
import { type SambaProcess, startSamba } from './samba-process';
import { writeSmbConf } from './smb-conf';

/**
 * One running Samba DC: a copy of a domain template in a temp dir of its own, on its loopback
 * address. `snapshot()` keeps its database as it is; `restore()` brings that back (stop, copy, start)
 * when anything was written since, which its highestCommittedUSN tells.
 */
export class SambaInstance {
  private samba?: SambaProcess;
  private snapshotUsn?: string;
  private constructor(
    readonly template: DomainTemplate,
    readonly dir: string,
    readonly address: string,
    readonly conf: string,
  ) {}

  static async start(template: DomainTemplate, address: string): Promise<SambaInstance> {
    removeOrphans();
    const dir = mkdtempSync(join(tmpdir(), INSTANCE_PREFIX));
    writeFileSync(join(dir, 'owner'), String(process.pid));
    const instance = join(dir, 'dc');
    copyTemplate(template, instance);
    const conf = writeSmbConf(instance, template.names, address);
    const started = new SambaInstance(template, instance, address, conf);
    started.samba = await startSamba(conf, address);
    return started;
  }

  get url(): string {
    return `ldap://${this.address}`;
  }

  get pid(): number | undefined {
    return this.samba?.pid;
  }

  async snapshot(): Promise<void> {
    await this.samba?.stop();
    rmSync(this.snapshotDir, { recursive: true, force: true });
    copyFiles(join(this.dir, 'private'), this.snapshotDir);
    this.samba = await startSamba(this.conf, this.address);
    this.snapshotUsn = await this.highestCommittedUsn();
  }

  /** Back to the snapshot; nothing is done when nothing was written. Returns whether it restored. */
  async restore(): Promise<boolean> {
    if (this.snapshotUsn === undefined) return false;
    if ((await this.highestCommittedUsn()) === this.snapshotUsn) return false;
    await this.samba?.stop();
    rmSync(join(this.dir, 'private'), { recursive: true, force: true });
    copyFiles(this.snapshotDir, join(this.dir, 'private'));
    this.samba = await startSamba(this.conf, this.address);
    return true;
  }

  async stop(): Promise<void> {
    await this.samba?.stop();
    rmSync(join(this.dir, '..'), { recursive: true, force: true });
  }

  exited(): string | undefined {
    return this.samba?.exited();
  }

  private get snapshotDir(): string {
    return join(this.dir, '..', 'snapshot');
  }

  private async highestCommittedUsn(): Promise<string> {
    const client = new Client({ url: this.url, timeout: 10_000 });
    try {
      const { searchEntries } = await client.search('', {
        scope: 'base',
        attributes: ['highestCommittedUSN'],
      });
      return String(searchEntries[0]?.highestCommittedUSN ?? '');
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }
}

const INSTANCE_PREFIX = 'lync-harness-samba-dc-';

/** Instances whose owning process is gone (killed outright: it could not clean up) are removed. */
function removeOrphans(): void {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(INSTANCE_PREFIX))) {
    const dir = join(tmpdir(), name);
    let owner = 0;
    try {
      owner = Number(readFileSync(join(dir, 'owner'), 'utf8'));
    } catch {
      continue;
    }
    if (owner > 0 && !alive(owner)) rmSync(dir, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
