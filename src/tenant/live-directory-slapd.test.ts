import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { AttributeValue } from './entry';
import { readLdif } from './ldif-reader';
import { readLiveDirectory } from './live-directory';

const SUFFIX = 'dc=example,dc=org';
const READER = `cn=reader,${SUFFIX}`;
const READER_PASSWORD = 'Reader-Secret-1';
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x80, 0xc3]);

/** The directory slapadd loads: an organization, people (one with a binary photo), a group and a reader. */
function exampleLdif(): string {
  const people = Array.from({ length: 40 }, (_, i) =>
    [
      `dn: uid=user${i},ou=people,${SUFFIX}`,
      'objectClass: inetOrgPerson',
      `uid: user${i}`,
      `cn: User ${i}`,
      `sn: Number${i}`,
      `mail: user${i}@example.org`,
      ...(i === 0 ? [`jpegPhoto:: ${PHOTO.toString('base64')}`, 'description: Grüße aus Köln'] : []),
    ].join('\n'),
  );
  const members = people.map((_, i) => `member: uid=user${i},ou=people,${SUFFIX}`);
  return [
    `dn: ${SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example`,
    `dn: ou=people,${SUFFIX}\nobjectClass: organizationalUnit\nou: people`,
    ...people,
    `dn: cn=staff,${SUFFIX}\nobjectClass: groupOfNames\ncn: staff\n${members.join('\n')}`,
    `dn: ${READER}\nobjectClass: person\ncn: reader\nsn: Reader\nuserPassword: ${READER_PASSWORD}`,
  ].join('\n\n');
}

/** slapd and slapadd from Debian's `slapd` package: installed here when missing and we are root. */
function slapdBinary(): string {
  const binary = '/usr/sbin/slapd';
  if (existsSync(binary)) return binary;
  const help =
    'OpenLDAP slapd is missing: install the Debian package with `apt-get install -y slapd` (as root)';
  if (process.getuid?.() !== 0) assert.fail(help);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => execFileSync('apt-get', ['install', '-y', '-qq', 'slapd'], { env, stdio: 'ignore' });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
    install();
  }
  if (!existsSync(binary)) assert.fail(help);
  return binary;
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
      const socket = connect(port, '127.0.0.1', () => resolve(socket.end() && true)).on('error', () =>
        resolve(false),
      );
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`slapd did not listen on 127.0.0.1:${port} within 10 s`);
}

const shown = (values: AttributeValue[]) =>
  values.map((v) => (typeof v === 'string' ? v : `bytes:${Buffer.from(v).toString('base64')}`));

describe('readLiveDirectory against OpenLDAP slapd', () => {
  let dir: string;
  let slapd: ChildProcess | undefined;
  let url: string;
  let log = '';
  const source = readLdif(exampleLdif()).map((r) => (r.type === 'content' ? r.entry : assert.fail(r.type)));

  before(async () => {
    const binary = slapdBinary();
    dir = mkdtempSync(join(tmpdir(), 'slapd-'));
    mkdirSync(join(dir, 'data'));
    const config = join(dir, 'slapd.conf');
    writeFileSync(
      config,
      [
        ...['core', 'cosine', 'inetorgperson'].map((s) => `include /etc/ldap/schema/${s}.schema`),
        'modulepath /usr/lib/ldap',
        'moduleload back_mdb',
        `pidfile ${join(dir, 'slapd.pid')}`,
        'database mdb',
        `suffix "${SUFFIX}"`,
        `directory ${join(dir, 'data')}`,
        'maxsize 10485760',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'data.ldif'), `${exampleLdif()}\n`);
    execFileSync('/usr/sbin/slapadd', ['-f', config, '-l', join(dir, 'data.ldif')], { stdio: 'pipe' });
    const port = await freePort();
    url = `ldap://127.0.0.1:${port}`;
    // -d 0 keeps slapd in the foreground, so the pid we hold is slapd's own.
    slapd = spawn(binary, ['-f', config, '-h', `${url}/`, '-d', '0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    slapd.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    await waitForPort(port, slapd, () => log);
  });

  after(async () => {
    if (slapd?.pid && slapd.exitCode === null) {
      const exited = new Promise((resolve) => slapd!.once('exit', resolve));
      process.kill(slapd.pid, 'SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const assertSameAsLoaded = (entries: { dn: string; get(name: string): AttributeValue[] }[]) => {
    assert.deepEqual(
      entries.map((e) => e.dn.toLowerCase()).sort(),
      source.map((e) => e.dn.toLowerCase()).sort(),
    );
    const byDn = new Map(entries.map((e) => [e.dn.toLowerCase(), e]));
    for (const loaded of source) {
      const read = byDn.get(loaded.dn.toLowerCase())!;
      for (const name of loaded.names()) {
        if (name === 'userPassword') continue;
        assert.deepEqual(shown(read.get(name)), shown(loaded.get(name)), `${loaded.dn}: ${name}`);
      }
    }
  };

  it('reads anonymously, the base DN taken from the rootDSE namingContexts', async () => {
    const live = await readLiveDirectory({ url });
    assert.equal(live.baseDn, SUFFIX);
    assertSameAsLoaded(live.entries);
  });

  it('reads with a bind DN and password', async () => {
    const live = await readLiveDirectory({ url, bindDn: READER, password: READER_PASSWORD });
    assertSameAsLoaded(live.entries);
    const photo = live.entries.find((e) => e.dn.startsWith('uid=user0,'))!.get('jpegPhoto')[0];
    assert.deepEqual(Buffer.from(photo as Uint8Array), PHOTO);
  });

  it('names a refused bind and a base DN that does not exist', async () => {
    await assert.rejects(readLiveDirectory({ url, bindDn: READER, password: 'wrong' }), {
      message: new RegExp(
        `^\\[tenant:ldap\\] ${url} refused the bind as "${READER}" \\(invalid credentials, result 49\\)`,
      ),
    });
    await assert.rejects(readLiveDirectory({ url, baseDn: `ou=gone,${SUFFIX}` }), {
      message: /^\[tenant:ldap\] the base DN "ou=gone,dc=example,dc=org" does not exist on/,
    });
  });
});
