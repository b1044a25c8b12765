import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An OpenLDAP slapd for tests: 127.0.0.1 only, ldap:// and ldaps:// on free ports, data from slapadd. */
export interface StartedSlapd {
  url: string;
  ldapsUrl: string;
  /** The self-signed certificate ldaps:// presents (for NODE_EXTRA_CA_CERTS). */
  certificate: string;
  stop(): Promise<void>;
}

const SLAPD = '/usr/sbin/slapd';
const INSTALL_HELP =
  'OpenLDAP slapd is missing: install the Debian package with `apt-get install -y slapd` (as root)';

/** slapd from Debian's `slapd` package, installed here when it is missing and we are root. */
export function slapdBinary(): string {
  if (existsSync(SLAPD)) return SLAPD;
  if (process.getuid?.() !== 0) assert.fail(INSTALL_HELP);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => execFileSync('apt-get', ['install', '-y', '-qq', 'slapd'], { env, stdio: 'ignore' });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
    install();
  }
  if (!existsSync(SLAPD)) assert.fail(INSTALL_HELP);
  return SLAPD;
}

/** Starts slapd (mdb backend in a temp folder; core, cosine and inetorgperson schemas) holding `ldif`. */
export async function startSlapd(suffix: string, ldif: string): Promise<StartedSlapd> {
  const binary = slapdBinary();
  const dir = mkdtempSync(join(tmpdir(), 'slapd-'));
  mkdirSync(join(dir, 'data'));
  const certificate = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'],
      ...[
        '-keyout',
        key,
        '-out',
        certificate,
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
    ],
    { stdio: 'ignore' },
  );
  const config = join(dir, 'slapd.conf');
  writeFileSync(
    config,
    [
      ...['core', 'cosine', 'inetorgperson'].map((s) => `include /etc/ldap/schema/${s}.schema`),
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      `pidfile ${join(dir, 'slapd.pid')}`,
      `TLSCertificateFile ${certificate}`,
      `TLSCertificateKeyFile ${key}`,
      'database mdb',
      `suffix "${suffix}"`,
      `directory ${join(dir, 'data')}`,
      'maxsize 10485760',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'data.ldif'), `${ldif}\n`);
  execFileSync(join(SLAPD, '..', 'slapadd'), ['-f', config, '-l', join(dir, 'data.ldif')], { stdio: 'pipe' });
  const [port, tlsPort] = [await freePort(), await freePort()];
  const url = `ldap://127.0.0.1:${port}`;
  const ldapsUrl = `ldaps://127.0.0.1:${tlsPort}`;
  // -d 0 keeps slapd in the foreground, so the pid we hold is slapd's own.
  const child = spawn(binary, ['-f', config, '-h', `${url}/ ${ldapsUrl}/`, '-d', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const p of [port, tlsPort]) await waitForPort(p, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, ldapsUrl, certificate, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) assert.fail(`slapd exited with status ${child.exitCode}: ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => resolve(socket.end() && true));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`slapd did not listen on 127.0.0.1:${port} within 10 s: ${log()}`);
}
