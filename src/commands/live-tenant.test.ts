import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startLdapMock } from '../../mocks/ldap';
import { AdminClient } from '../harness/admin-client';
import { DirectoryAdmin } from '../harness/service-admin';
import { stampFile } from '../report/manifest';
import { writeLdif } from '../tenant/ldif-writer';
import { loadTenant } from '../tenant/load';
import { buildSampleTenant } from '../tenant/sample';
import { BIND_PASSWORD_ENV, resolveLiveTenants } from './live-tenant';
import { promptHidden } from './password-prompt';
import { parseRunOptions, RUN_HELP } from './run-options';
import { UsageError } from './usage-error';

const SECRET = 'Passw0rd!';

function usageError(args: string[]): string {
  try {
    parseRunOptions(args);
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    return error.message;
  }
  return assert.fail(`parseRunOptions(${args.join(' ')}) should refuse`);
}

describe('run options for a live --tenant', () => {
  it('refuses the bind password as an argument, and never repeats it', () => {
    for (const args of [
      ['--tenant', 'ldap://dc01', '--bind-dn', 'ABC\\svc', '--password', SECRET],
      ['--tenant', 'ldap://dc01', '--bind-password=Passw0rd!'],
      ['--tenant', 'ldap://dc01', '-w', SECRET],
    ]) {
      const message = usageError(args);
      assert.match(message, new RegExp(`never taken from the command line; set ${BIND_PASSWORD_ENV}`));
      assert.ok(!message.includes(SECRET), message);
    }
    assert.ok(!usageError(['--tenant', 'ldap://svc:Passw0rd!@dc01']).includes(SECRET));
  });

  it('takes one --save-tenant per live --tenant, and --bind-dn only with a live --tenant', () => {
    const live = ['--tenant', 'ldap://dc01.abc.corp', '--tenant', 'online=ldaps://dc01.xyz.corp:636'];
    assert.match(
      usageError([...live, '--save-tenant', 'abc.ldif']),
      /--save-tenant was given 1 time\(s\) for 2 live/,
    );
    assert.match(usageError(['--tenant', 'abc.ldif', '--save-tenant', 'x.ldif']), /for 0 live/);
    assert.match(
      usageError(['--tenant', 'abc.ldif', '--bind-dn', 'ABC\\svc']),
      /--bind-dn is for a live --tenant/,
    );
    assert.match(usageError(['--tenant', 'ldap://dc01?cn?sub']), /write ldap:\/\/HOST\[:PORT\]\[\/BASE-DN\]/);
    const options = parseRunOptions([
      ...live,
      '--bind-dn',
      'ABC\\svc',
      '--save-tenant',
      'a.ldif',
      '--save-tenant',
      'b.ldif',
    ]);
    assert.deepEqual(options.saveTenant, ['a.ldif', 'b.ldif']);
    assert.deepEqual(options.bindDn, ['ABC\\svc']);
    assert.deepEqual(parseRunOptions([...live, '--bind-dn', 'ABC\\a', '--bind-dn', 'XYZ\\b']).bindDn, [
      'ABC\\a',
      'XYZ\\b',
    ]);
    assert.match(
      usageError([...live, '--bind-dn', 'a', '--bind-dn', 'b', '--bind-dn', 'c']),
      /--bind-dn was given 3 times for 2 live/,
    );
    assert.match(RUN_HELP, /--tenant ldap:\/\/HOST\[:PORT\]/);
    assert.match(
      RUN_HELP,
      /--bind-dn DN .*\n.*DOMAIN\\user\): once for every live source, or once per live source/,
    );
    assert.match(RUN_HELP, /--save-tenant FILE/);
  });
});

describe('resolveLiveTenants against the mock domain controller', () => {
  let mock: Awaited<ReturnType<typeof startLdapMock>>;
  let dir: string;
  const tenant = buildSampleTenant();
  const xyz = tenant.forests.find((f) => f.role === 'online')!;

  before(async () => {
    mock = await startLdapMock({ service: 'ldap-online' });
    const admin = new AdminClient(mock.urls.admin);
    await new DirectoryAdmin(admin).setPasswords({ default: SECRET });
    await admin.loadData(writeLdif(xyz.entries), 'text/ldif');
    dir = mkdtempSync(join(tmpdir(), 'live-tenant-'));
  });
  after(async () => {
    await mock.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads each live source once into the run folder, keeps file arguments, copies to --save-tenant', async () => {
    process.env[BIND_PASSWORD_ENV] = SECRET;
    try {
      const resolved = await resolveLiveTenants(['abc.ldif', `online=${mock.urls.ldap}`], {
        bindDn: ['swu@xyz.corp'],
        outDir: join(dir, 'run'),
        saveTenant: [join(dir, 'saved', 'xyz.ldif')],
      });
      const snapshot = join(dir, 'run', 'tenant', 'live-1.ldif');
      assert.deepEqual(resolved, ['abc.ldif', `online=${snapshot}`]);
      const text = readFileSync(snapshot, 'utf8');
      assert.equal(readFileSync(join(dir, 'saved', 'xyz.ldif'), 'utf8'), text);
      assert.ok(!text.includes(SECRET), 'the snapshot holds no password');
      const loaded = loadTenant({ files: [resolved[1]], sampleSize: 0 }).forests[0];
      assert.equal(loaded.baseDn, xyz.baseDn);
      assert.equal(loaded.entries.length, xyz.entries.length);
      assert.equal(stampFile(resolved[1]).liveSource, mock.urls.ldap);
      assert.equal(stampFile(resolved[1]).role, 'online');
    } finally {
      delete process.env[BIND_PASSWORD_ENV];
    }
  });

  it('without the password variable and no terminal to ask on, says where the password goes', async () => {
    const tty = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
    Object.defineProperty(process.stdin, 'isTTY', { value: false, configurable: true });
    try {
      const options = { bindDn: ['swu@xyz.corp'], outDir: join(dir, 'run2'), saveTenant: [] };
      await assert.rejects(resolveLiveTenants([mock.urls.ldap], options), (error: Error) => {
        assert.ok(error instanceof UsageError);
        assert.match(
          error.message,
          /needs its password in LYNC_HARNESS_BIND_PASSWORD \(standard input is not a terminal/,
        );
        return true;
      });
    } finally {
      if (tty) Object.defineProperty(process.stdin, 'isTTY', tty);
      else delete (process.stdin as { isTTY?: boolean }).isTTY;
    }
  });

  it('turns a failed read into a usage error (exit status 2) saying what to do', async () => {
    const options = { bindDn: [], outDir: join(dir, 'run3'), saveTenant: [] };
    await assert.rejects(resolveLiveTenants([mock.urls.ldap], options), (error: Error) => {
      assert.ok(error instanceof UsageError);
      assert.match(
        error.message,
        /^\[tenant:ldap\] .* refuses anonymous reads \(Active Directory needs a bound account\)/,
      );
      return true;
    });
  });
});

describe('the password prompt', () => {
  it('reads a line in raw mode without echoing it, and puts the terminal back', async () => {
    const input = Object.assign(new EventEmitter(), {
      isRaw: false,
      modes: [] as boolean[],
      setRawMode(raw: boolean) {
        this.modes.push(raw);
        this.isRaw = raw;
      },
      setEncoding() {},
      resume() {},
      pause() {},
    });
    let shown = '';
    const typed = promptHidden('Password for ABC\\svc: ', input, { write: (t: string) => (shown += t) });
    for (const chunk of ['Pass', 'w0rx\u007f', 'd!\r']) input.emit('data', chunk);
    assert.equal(await typed, SECRET);
    assert.equal(shown, 'Password for ABC\\svc: \n');
    assert.deepEqual(input.modes, [true, false]);
    assert.equal(input.listenerCount('data'), 0);
  });
});
