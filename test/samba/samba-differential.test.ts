import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_TOKEN_VARIABLE, adminToken } from '../../mocks/admin';
import { seedDirectory } from '../../src/harness/directory';
import { startProcessService } from '../../src/harness/process-service';
import type { StartedService } from '../../src/harness/service-set';
import { dnKey } from '../../src/tenant/dn';
import { buildSampleTenant } from '../../src/tenant/sample';
import { forestByRole, forestOf } from '../../src/tenant/tenant';
import { allows, loadAllowances } from './allowed-differences';
import { compareAnswers, type Difference } from './compare-answers';
import { ask } from './ldap-answer';
import { QUERIES } from './queries';

/**
 * The mock DC against Samba's AD DC, seeded with the same forest (the sample's ABC), asked the same
 * requests with ldapsearch; every difference must be fixed in the mock or listed, with its reason, in
 * allowed-differences.yaml. Needs Samba (node scripts/system-tools.js installs it) and root.
 */
const forest = forestByRole(buildSampleTenant(), 'onpremises');
const tenantDns = new Set(forest.entries.map((e) => dnKey(e.dn)));
const started: StartedService[] = [];
let mock: StartedService;
let samba: StartedService;
let ouOnly: StartedService;

before(async () => {
  // The services inherit the token, as the harness's do.
  process.env[ADMIN_TOKEN_VARIABLE] ||= adminToken();
  const ouEntries = forest.entries.filter((e) => /,OU=Users,DC=abc,DC=corp$/i.test(e.dn));
  [mock, samba, ouOnly] = await Promise.all(
    ['ldap-onpremises', 'samba-onpremises', 'ldap-onpremises'].map(async (kind) => {
      const service = await startProcessService(kind);
      started.push(service);
      return service;
    }),
  );
  await Promise.all([
    seedDirectory(mock, forest),
    seedDirectory(samba, forest),
    seedDirectory(ouOnly, forestOf(ouEntries, 'onpremises', 'OU=Users export')),
  ]);
});

after(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

function differencesOf(mockUrl: string, query: (typeof QUERIES)[number]): Difference[] {
  return compareAnswers(query.name, tenantDns, ask(mockUrl, query), ask(samba.urls.ldap, query));
}

test('the mock DC answers every request as Samba does, but for the listed differences', {
  timeout: 300_000,
}, () => {
  const allowances = loadAllowances();
  const found = QUERIES.flatMap((q) => differencesOf(mock.urls.ldap, q));
  const head = QUERIES.find((q) => q.name === 'the naming-context head')!;
  found.push(
    ...differencesOf(ouOnly.urls.ldap, head).map((d) => ({ ...d, query: `OU-only export: ${d.query}` })),
  );
  const unexplained = found.filter((d) => !allowances.some((a) => allows(a, d)));
  // Allowances by family are the conformance replay's (npm run conformance:ldap), not this test's requests.
  const stale = allowances.filter((a) => a.query && !found.some((d) => allows(a, d)));
  assert.deepEqual(
    unexplained,
    [],
    `differences not in allowed-differences.yaml:\n${JSON.stringify(unexplained, null, 1)}`,
  );
  assert.deepEqual(stale, [], 'allowed differences that no longer occur (remove them)');
});
