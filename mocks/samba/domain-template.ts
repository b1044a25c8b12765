import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Change } from 'ldapts';
import { readLdif } from '../../src/tenant/ldif-reader';
import { copyFiles } from './copy-files';
import { adminClient, applyRecords, attribute } from './ldap-writes';
import { takeLoopbackAddress } from './loopback-address';
import { SAMBA, SAMBA_TOOL } from './samba-binaries';
import { startSamba } from './samba-process';
import { type DomainNames, writeSmbConf } from './smb-conf';

/** The Administrator's password of every provisioned domain (the mock DC's too). */
export const SAMBA_ADMIN_PASSWORD = 'Passw0rd!';
const SCHEMA_LDIF = join(__dirname, 'schema-extension.ldif');
/** Where the schema extension names the forest's schema naming context. */
const SCHEMA_PLACEHOLDER = ['$', '{SCHEMADN}'].join('');
/** Where provisioned domains are cached (a Samba DC's container reads the host's, mounted read-only). */
export const TEMPLATES = join(tmpdir(), 'lync-harness-samba-templates');

export interface DomainTemplate {
  dir: string;
  names: DomainNames;
  /** Seconds spent provisioning it now; 0 when it came from the cache. */
  provisionSeconds: number;
}

export function domainNames(domain: string): DomainNames {
  return {
    realm: domain.toUpperCase(),
    workgroup: domain.split('.')[0].toUpperCase(),
    netbiosName: 'LYNCDC',
  };
}

/**
 * A provisioned domain for `domain` (`abc.corp`) with the project's schema extension applied, the
 * password policy opened up for test accounts and logon-time replication off, cached per Samba version,
 * schema extension and domain: provisioning takes seconds, a copy of the template a fraction of one.
 */
export async function domainTemplate(domain: string): Promise<DomainTemplate> {
  const names = domainNames(domain);
  const dir = join(TEMPLATES, `${domain.toLowerCase()}-${templateKey()}`);
  if (existsSync(join(dir, 'ready'))) return { dir, names, provisionSeconds: 0 };
  const building = `${dir}.${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  provision(building, names);
  await extendSchema(building, names);
  execFileSync('touch', [join(building, 'ready')]);
  mkdirSync(TEMPLATES, { recursive: true });
  try {
    renameSync(building, dir);
  } catch (error) {
    // Another process put the same template in place first: use it.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(join(dir, 'ready'))) throw error;
  }
  return { dir, names, provisionSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** A copy of the template to run: the instance's own files, its own smb.conf written by the caller. */
export function copyTemplate(template: DomainTemplate, instance: string): void {
  copyFiles(template.dir, instance);
}

export function baseDnOf(names: DomainNames): string {
  return names.realm
    .split('.')
    .map((p) => `DC=${p.toLowerCase()}`)
    .join(',');
}

function templateKey(): string {
  const version = execFileSync(SAMBA, ['--version'], { encoding: 'utf8' }).trim();
  return createHash('sha256').update(version).update(readFileSync(SCHEMA_LDIF)).digest('hex').slice(0, 12);
}

function provision(dir: string, names: DomainNames): void {
  mkdirSync(dir, { recursive: true });
  run(SAMBA_TOOL, [
    'domain',
    'provision',
    `--realm=${names.realm}`,
    `--domain=${names.workgroup}`,
    `--host-name=${names.netbiosName}`,
    '--server-role=dc',
    '--dns-backend=NONE',
    `--adminpass=${SAMBA_ADMIN_PASSWORD}`,
    `--targetdir=${dir}`,
    '--option=interfaces = 127.0.0.1/8',
    '--option=bind interfaces only = yes',
  ]);
  const sam = join(dir, 'private', 'sam.ldb');
  // Test accounts take any password, as often as a scenario sets it.
  run(SAMBA_TOOL, [
    'domain',
    'passwordsettings',
    'set',
    `-H`,
    sam,
    '--complexity=off',
    '--history-length=0',
    '--min-pwd-age=0',
    '--max-pwd-age=0',
    '--min-pwd-length=0',
  ]);
}

/** The schema extension over LDAP, as the setup programs apply theirs, with schema updates allowed. */
async function extendSchema(dir: string, names: DomainNames): Promise<void> {
  const schemaDn = `CN=Schema,CN=Configuration,${baseDnOf(names)}`;
  const text = readFileSync(SCHEMA_LDIF, 'utf8').replaceAll(SCHEMA_PLACEHOLDER, schemaDn);
  const address = takeLoopbackAddress();
  const conf = writeSmbConf(dir, names, address.address, ['dsdb:schema update allowed = true']);
  const samba = await startSamba(conf, address.address);
  try {
    const client = await adminClient(`ldap://${address.address}`, names.workgroup, SAMBA_ADMIN_PASSWORD);
    try {
      await applyRecords(client, readLdif(text, 'schema-extension.ldif'));
      // Logon times would change every account on its first bind; AD's 0 turns their replication off.
      await client.modify(
        baseDnOf(names),
        new Change({ operation: 'replace', modification: attribute('msDS-LogonTimeSyncInterval', ['0']) }),
      );
    } finally {
      await client.unbind().catch(() => undefined);
    }
  } finally {
    await samba.stop();
    address.release();
  }
}

function run(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stderr?: Buffer; stdout?: Buffer; message: string };
    const output = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-8).join('\n');
    throw new Error(`[samba] ${command} ${args.slice(0, 2).join(' ')} failed: ${output || e.message}`);
  }
}
