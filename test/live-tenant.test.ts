import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startLdapMock } from '../mocks/ldap';
import { AdminClient } from '../src/harness/admin-client';
import { DIRECTORY_PASSWORD } from '../src/harness/directory';
import { DirectoryAdmin } from '../src/harness/service-admin';
import type { FindingsFile } from '../src/report/finding-types';
import { dnKey } from '../src/tenant/dn';
import { writeLdif } from '../src/tenant/ldif-writer';
import { buildOtherTenant } from './export-shapes/other-tenant';

const BIN = join(__dirname, '..', 'bin', 'lync-harness.js');
const dir = mkdtempSync(join(tmpdir(), 'lh-live-'));
const [contoso, fabrikam] = buildOtherTenant().forests;
const files = { contoso: join(dir, 'contoso.ldif'), fabrikam: join(dir, 'fabrikam.ldif') };
type Dc = Awaited<ReturnType<typeof startLdapMock>>;
let dc: Dc;
let onlineDc: Dc;

/** A mock DC holding one forest's file, its Administrator's password `password`. */
async function dcWith(file: string, password: string): Promise<Dc> {
  const started = await startLdapMock({ service: 'ldap-live-source' });
  const admin = new AdminClient(started.urls.admin);
  await new DirectoryAdmin(admin).setPasswords({ default: password });
  await admin.loadData(readFileSync(file, 'utf8'), 'text/ldif');
  return started;
}

before(async () => {
  writeFileSync(files.contoso, writeLdif(contoso.entries));
  writeFileSync(files.fabrikam, writeLdif(fabrikam.entries));
  dc = await dcWith(files.contoso, DIRECTORY_PASSWORD);
  onlineDc = await dcWith(files.fabrikam, 'Fabrikam-only 2!');
});
after(() => Promise.all([dc.stop(), onlineDc.stop()]));

/** Runs the tenant checks (asynchronously: the mock DC answers from this very process). */
async function run(name: string, tenants: string[], extra: string[] = []): Promise<FindingsFile> {
  const out = join(dir, name);
  const args = [BIN, 'run', '--quiet', '--tags', '@tenant-check', '--out', out];
  for (const t of tenants) args.push('--tenant', t);
  const child = spawn(process.execPath, [...args, ...extra], {
    env: {
      ...process.env,
      LYNC_HARNESS_BIND_PASSWORD: DIRECTORY_PASSWORD,
      LYNC_HARNESS_BIND_PASSWORD_2: 'Fabrikam-only 2!',
    },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c;
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c;
  });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(status, 0, output);
  return JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as FindingsFile;
}

/** Every object's rule outcomes, by DN key: what two runs must agree on. */
function outcomes(findings: FindingsFile): string[] {
  return Object.entries(findings.objects)
    .flatMap(([dn, o]) => o.findings.map((f) => `${dnKey(dn)} ${f.rule} ${f.outcome} ${f.severity ?? ''}`))
    .sort();
}

test('a live read of the mock DC gives the same findings as a run on the LDIF it was loaded from', async () => {
  const fromFile = await run('from-file', [`onpremises=${files.contoso}`, `online=${files.fabrikam}`]);
  const saved = join(dir, 'saved.ldif');
  const live = await run(
    'live',
    [`onpremises=${dc.urls.ldap}`, `online=${files.fabrikam}`],
    ['--bind-dn', `CN=Administrator,CN=Users,${contoso.baseDn}`, '--save-tenant', saved],
  );
  assert.ok(outcomes(fromFile).length > 0);
  assert.deepEqual(outcomes(live), outcomes(fromFile));
  const again = await run('from-saved', [`onpremises=${saved}`, `online=${files.fabrikam}`]);
  assert.deepEqual(outcomes(again), outcomes(fromFile), 'the saved snapshot repeats the run offline');
});

test('both forests read live, each with its own account and password', async () => {
  const fromFile = await run('both-files', [`onpremises=${files.contoso}`, `online=${files.fabrikam}`]);
  const live = await run(
    'both-live',
    [`onpremises=${dc.urls.ldap}`, `online=${onlineDc.urls.ldap}`],
    ['--bind-dn', `CN=Administrator,CN=Users,${contoso.baseDn}`, '--bind-dn', `FABRIKAM\\Administrator`],
  );
  assert.deepEqual(outcomes(live), outcomes(fromFile));
});
