import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FindingsFile } from '../src/report/finding-types';
import { dnKey } from '../src/tenant/dn';
import { DirectoryEntry } from '../src/tenant/entry';
import { writeLdif } from '../src/tenant/ldif-writer';
import { buildSampleTenant } from '../src/tenant/sample';

const BIN = join(__dirname, '..', 'bin', 'lync-harness.js');

/** The sample tenant with CSLyncRecordingUsers grown to `members` direct user members, as LDIF files. */
function tenantWithPolicyGroupOf(members: number, dir: string): string[] {
  const tenant = buildSampleTenant();
  const abc = tenant.forests.find((f) => f.role === 'onpremises')!;
  const group = abc.entries.find((e) => e.first('sAMAccountName') === 'CSLyncRecordingUsers')!;
  const dns = group.texts('member');
  for (let i = dns.length; i < members; i++) {
    const dn = `CN=Recording User ${i},OU=Users,${abc.baseDn}`;
    abc.entries.push(
      new DirectoryEntry(dn, {
        objectClass: ['top', 'person', 'organizationalPerson', 'user'],
        cn: `Recording User ${i}`,
        sAMAccountName: `rec${i}`,
      }),
    );
    dns.push(dn);
  }
  group.set('member', dns);
  return tenant.forests.flatMap((forest) => {
    const path = join(dir, `${forest.role}.ldif`);
    writeFileSync(path, writeLdif(forest.entries));
    return ['--tenant', `${forest.role}=${path}`];
  });
}

function policyGroupFindings(members: number) {
  const dir = mkdtempSync(join(tmpdir(), 'lh-pol07-'));
  const tenants = tenantWithPolicyGroupOf(members, dir);
  const out = join(dir, 'run');
  const run = spawnSync(
    process.execPath,
    [BIN, 'run', '--quiet', '--out', out, ...tenants, '--tags', '@POL-07 and @tenant-check'],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  const findings = JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as FindingsFile;
  const group = Object.entries(findings.objects).find(([dn]) =>
    dnKey(dn).startsWith(dnKey('CN=CSLyncRecordingUsers')),
  );
  return group?.[1].findings.filter((f) => f.rule === 'POL-07') ?? [];
}

test('the tenant check flags a policy group of 1,600 members as blocking, and passes one of 1,500', {
  timeout: 180_000,
}, () => {
  const over = policyGroupFindings(1600);
  assert.equal(over.length, 1, JSON.stringify(over));
  assert.equal(over[0].outcome, 'finding');
  assert.equal(over[0].severity, 'blocking');
  assert.match(over[0].message, /1600 members, more than MaxValRange/);
  const within = policyGroupFindings(1500);
  assert.ok(
    within.every((f) => f.outcome !== 'finding'),
    JSON.stringify(within),
  );
});
