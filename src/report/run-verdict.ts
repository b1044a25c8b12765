import type { CollectedFindings } from './findings-file';
import type { Manifest } from './manifest';
import type { ReportRule, ReportRuleStatus, RunVerdict, TenantVerdict } from './report-types';

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function countStatuses(rules: ReportRule[]): Record<ReportRuleStatus, number> {
  const counts = { passed: 0, failed: 0, incomplete: 0, 'not run': 0, 'not covered': 0, waived: 0 };
  for (const r of rules) counts[r.status]++;
  return counts;
}

/** The rules' verdict: did every catalog rule hold on the notes' examples? */
function rulesVerdict(rules: ReportRule[], complete: boolean): RunVerdict['rules'] {
  const c = countStatuses(rules);
  const total = rules.length;
  const unchecked = c['not covered'] + c['not run'];
  const waived = c.waived ? `, ${c.waived} waived` : '';
  const score = `${c.passed}/${total}`;
  if (c.failed)
    return {
      status: 'failed',
      headline: `FAILED ${score} passed, ${plural(c.failed, 'rule')} failed${waived}`,
    };
  if (!complete || c.incomplete) {
    const what = complete ? `${plural(c.incomplete, 'rule')} did not finish` : 'the run did not finish';
    return { status: 'incomplete', headline: `INCOMPLETE ${score} passed, ${what}` };
  }
  if (unchecked === total) return { status: 'partial', headline: 'NOT CHECKED, no rule’s scenarios ran' };
  if (unchecked)
    return { status: 'partial', headline: `PARTIAL ${score} passed${waived}, ${unchecked} not checked` };
  return { status: 'passed', headline: `PASSED ${score}${waived}` };
}

/**
 * The tenant's readiness, apart from the rules: READY only when every tenant check ran to its end and
 * no object has a blocking finding. Blocking findings always make it NOT READY, whatever the rules did.
 */
function tenantVerdict(rules: ReportRule[], findings: CollectedFindings, complete: boolean): TenantVerdict {
  const { objects, blocking } = findings.totals;
  const counts = { objects, findings: findings.totals.findings, blocking };
  if (blocking)
    return { status: 'not ready', headline: `NOT READY, ${plural(blocking, 'blocking finding')}`, ...counts };
  const checks = rules.flatMap((r) => r.scenarios.filter((s) => s.tenantCheck));
  const unfinished = checks.filter((s) => s.status !== 'passed').length;
  if ((!objects && !unfinished) || checks.length === 0)
    return { status: 'not checked', headline: 'NOT CHECKED, no tenant check ran', ...counts };
  const reason = !complete
    ? 'the run did not finish'
    : unfinished
      ? `${plural(unfinished, 'tenant check')} did not pass`
      : findings.missing?.length
        ? 'some findings evidence is missing'
        : '';
  if (reason)
    return { status: 'unproven', headline: `UNPROVEN, no blocking finding so far but ${reason}`, ...counts };
  return {
    status: 'ready',
    headline: `READY, no blocking finding on ${plural(objects, 'checked object')}`,
    ...counts,
  };
}

function verdictDetails(rules: ReportRule[], findings: CollectedFindings, manifest: Manifest): string[] {
  const c = countStatuses(rules);
  const unchecked = c['not covered'] + c['not run'];
  const details = [
    `${c.passed} of ${rules.length} rules passed, ${c.failed} failed, ${c.incomplete} incomplete, ` +
      `${c.waived} waived, ${unchecked} not checked in this run.`,
  ];
  for (const status of ['failed', 'incomplete', 'waived'] as const) {
    const list = rules.filter((r) => r.status === status).map((r) => r.id);
    if (list.length) details.push(`${status[0].toUpperCase()}${status.slice(1)}: ${list.join(', ')}.`);
  }
  const broken = new Set(
    rules.flatMap((r) => r.scenarios.filter((s) => s.harnessError).map((s) => `${s.uri}:${s.name}`)),
  );
  if (broken.size)
    details.push(
      `${plural(broken.size, 'scenario')} failed because a mock service or the harness broke, not because a rule did not hold: those rules are unproven.`,
    );
  const t = findings.totals;
  details.push(
    t.objects
      ? `Tenant: ${plural(t.findings, 'finding')} on ${plural(t.objects, 'checked object')}, ${t.blocking.toLocaleString('en')} blocking.`
      : 'Tenant: no tenant check ran, so no object was checked.',
  );
  if (manifest.note) details.push(manifest.note);
  const missing = findings.missing?.length ?? 0;
  if (missing)
    details.push(
      `${plural(missing, 'evidence file')} of tenant findings could not be found; their objects are not in this report.`,
    );
  return details;
}

/** Two verdicts side by side, so neither hides the other: the rules' and the tenant's readiness. */
export function buildRunVerdict(
  rules: ReportRule[],
  findings: CollectedFindings,
  manifest: Manifest,
  finished: boolean,
): RunVerdict {
  const complete = finished && manifest.status !== 'incomplete';
  const ruleSide = rulesVerdict(rules, complete);
  const tenant = tenantVerdict(rules, findings, complete);
  return {
    status: ruleSide.status,
    headline: `Rules: ${ruleSide.headline} · Your tenant: ${tenant.headline}`,
    rules: ruleSide,
    tenant,
    details: verdictDetails(rules, findings, manifest),
  };
}
