import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CollectedFindings } from './findings-file';
import type { Manifest } from './manifest';
import type { ReportRule, ReportScenario } from './report-types';
import { buildRunVerdict } from './run-verdict';

const scenario = (status: string, tenantCheck = false): ReportScenario => ({
  name: 'x',
  feature: 'f',
  uri: 'features/x.feature',
  status,
  showsFailure: false,
  tenantCheck,
  witnesses: ['model'],
});

function rules(n: number, statuses: Record<number, string> = {}): ReportRule[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `R-${i}`,
    status: (statuses[i] ?? 'passed') as ReportRule['status'],
    scenarios: [scenario(statuses[i] === 'failed' ? 'failed' : 'passed', i === 0)],
  })) as ReportRule[];
}

const findings = (objects: number, blocking: number): CollectedFindings => ({
  summaries: [],
  entries: () => [],
  byObject: () => [],
  byRule: [],
  outcomes: 0,
  totals: { objects, findings: blocking, blocking },
});
const manifest = { status: 'passed' } as Manifest;

test('every rule passed, blocking findings on the tenant: two verdicts, neither hides the other', () => {
  const v = buildRunVerdict(rules(41), findings(120, 5), manifest, true);
  assert.equal(v.headline, 'Rules: PASSED 41/41 · Your tenant: NOT READY, 5 blocking findings');
  assert.equal(v.status, 'passed');
  assert.deepEqual(v.rules, { status: 'passed', headline: 'PASSED 41/41' });
  assert.equal(v.tenant.status, 'not ready');
  assert.equal(v.tenant.blocking, 5);
});

test('the tenant is READY only with no blocking finding and every tenant check passed', () => {
  assert.equal(buildRunVerdict(rules(3), findings(10, 0), manifest, true).tenant.status, 'ready');
  assert.match(
    buildRunVerdict(rules(3), findings(10, 0), manifest, true).headline,
    /Your tenant: READY, no blocking finding on 10 checked objects$/,
  );
  const failedCheck = buildRunVerdict(rules(3, { 0: 'failed' }), findings(10, 0), manifest, true);
  assert.equal(failedCheck.tenant.status, 'unproven');
  assert.equal(failedCheck.rules.headline, 'FAILED 2/3 passed, 1 rule failed');
  const interrupted = buildRunVerdict(rules(3), findings(10, 0), manifest, false);
  assert.equal(interrupted.rules.status, 'incomplete');
  assert.equal(interrupted.tenant.status, 'unproven');
  assert.equal(buildRunVerdict(rules(3), findings(0, 0), manifest, true).tenant.status, 'not checked');
  assert.equal(
    buildRunVerdict(rules(3, { 0: 'failed' }), findings(0, 0), manifest, true).tenant.status,
    'unproven',
    'a tenant check that failed before it reported is not "not checked"',
  );
  assert.equal(
    buildRunVerdict(rules(3, { 0: 'failed' }), findings(10, 2), manifest, true).tenant.status,
    'not ready',
    'blocking findings are never hidden by a failing rule',
  );
});

test('rules left out of the run make the rules verdict PARTIAL', () => {
  const v = buildRunVerdict(rules(4, { 3: 'not run' }), findings(5, 0), manifest, true);
  assert.equal(v.rules.headline, 'PARTIAL 3/4 passed, 1 not checked');
});
