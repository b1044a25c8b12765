import { directoryServersLine } from '../run/directory-servers';
import { exportShapeLines } from './export-shape';
import { underlyingWords } from './html-util';
import { wireSampleLine } from './manifest';
import { pictureText } from './picture-text';
import type { Regression } from './regression';
import type { ComplianceReport, ReportRule } from './report-types';

/** Rows of the findings table report.md lists; the rest are in findings.csv. */
export const MARKDOWN_FINDING_ROWS = 200;

const cell = (value: unknown) =>
  String(value ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
const table = (head: string[], rows: unknown[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
const num = (n: number) => n.toLocaleString('en');

function ruleMarkdown(rule: ReportRule): string {
  const lines = [`### ${rule.id}: ${rule.status.toUpperCase()} (${rule.kind})`, '', rule.statement, ''];
  if (rule.waiver)
    lines.push(`**Waived** (${underlyingWords(rule.waiver.underlying)}): ${rule.waiver.reason}`, '');
  lines.push(`- Source: ${rule.sources.map((s) => `${s.label}: ${s.where}`).join('; ') || 'not given'}`);
  lines.push(
    `- Settings its scenarios used: ${rule.settings.map((s) => `\`${s.name}\` = ${s.value}${s.isDefault ? ' (default)' : ' (set)'}`).join('; ') || 'none'}`,
  );
  lines.push(
    `- Witnesses: ${rule.witnesses.map((w) => `${w.witness} ${w.agreed} agreed${w.disagreed ? `, ${w.disagreed} disagreed` : ''}${w.allowed ? `, ${w.allowed} allowed difference(s) (where Samba is not AD)` : ''}`).join('; ') || 'no check recorded'}`,
  );
  if (rule.scenarios.length === 0) lines.push('- Scenarios: none ran, so the rule was not checked');
  for (const s of rule.scenarios) {
    const status =
      s.status === 'unknown'
        ? 'did not run'
        : s.harnessError
          ? 'failed: the check could not complete'
          : s.status;
    lines.push(`- Scenario (${status}): ${s.name}${s.showsFailure ? ' [shows the failure side]' : ''}`);
    if (s.error) lines.push(`  - ${cell(s.error.split('\n')[0])}`);
  }
  for (const c of rule.checks)
    lines.push(
      `- Check: ${c.claim}: expected \`${cell(c.expected)}\`; ${c.observations.map((o) => `${o.agrees ? '✔' : o.allowed ? '≈' : '✘'} ${o.witness}${o.decidedBy ? ` (${o.decidedBy})` : ''} \`${cell(o.value)}\`${o.allowed ? ` (allowed difference: ${cell(o.allowed)})` : ''}`).join(', ')}${c.evidence ? ` (whole record: \`${c.evidence.file}\`)` : ''}`,
    );
  for (const p of rule.pictures) {
    const { title, facts } = pictureText(p);
    lines.push(`- Picture (drawn in report.html): ${title}`, ...facts.map((f) => `  - ${cell(f)}`));
  }
  for (const x of rule.exchanges) {
    const which = x.stored < x.total ? `the first ${x.stored}` : 'all';
    lines.push(`- ${x.service}: ${x.total} exchange(s), ${which} in \`${x.evidence.file}\``, '', '  ```');
    for (const l of x.lines) lines.push(`  ${l}`);
    lines.push('  ```');
  }
  for (const f of rule.findings)
    lines.push(
      `- Tenant check: ${num(f.objectsChecked)} objects${
        f.checkedBy
          ? ` (${Object.entries(f.checkedBy)
              .map(([w, n]) => `${w}: ${num(n)}`)
              .join(', ')})`
          : ''
      }, ${num(f.findings)} findings (${num(f.blocking)} blocking); every outcome in \`${f.evidence.file}\` (sha256 ${f.evidence.sha256})`,
    );
  return lines.join('\n');
}

function regressionMarkdown(r: Regression): string {
  const out = [`## Changes since the approved run ${r.baseline.runId}`, ''];
  if (r.tenantChanged) out.push('The tenant data differs from the baseline’s.', '');
  for (const s of r.settings) out.push(`- Setting \`${s.name}\`: ${s.before} → ${s.after}`);
  out.push(
    r.rules.length
      ? table(
          ['Rule', 'Before', 'Now'],
          r.rules.map((x) => [x.id, x.before, x.after]),
        )
      : 'No rule changed status.',
    '',
  );
  out.push(
    r.flow.changed
      ? `GALSync flow changed: ${r.flow.before} → ${r.flow.after}`
      : `GALSync flow unchanged (${r.flow.after}).`,
    '',
  );
  if (r.flow.changes?.length)
    out.push(
      table(
        ['Flow entry', 'Before', 'Now'],
        r.flow.changes.map((c) => [c.path, c.before ?? 'absent', c.after ?? 'absent']),
      ),
      '',
    );
  out.push(
    `${num(r.objects.changed)} object outcome(s) changed status or severity (all in regression.csv, worse first).`,
    '',
  );
  if (r.objects.reworded)
    out.push(
      `${num(r.objects.reworded)} outcome(s) differ only in their message's wording: not counted.`,
      '',
    );
  if (r.objects.rows.length)
    out.push(
      table(
        ['Object', 'Rule', 'Before', 'Now'],
        r.objects.rows.slice(0, 50).map((x) => [x.dn, x.rule, x.before, x.after]),
      ),
      '',
    );
  return out.join('\n');
}

/** report.md: the same content as the page, for pull requests and tickets. */
export function renderMarkdown(report: ComplianceReport): string {
  const m = report.manifest;
  const out = [
    `# Compliance report ${m.runId}`,
    '',
    `**Rules: ${report.verdict.rules.headline}**  `,
    `**Your tenant: ${report.verdict.tenant.headline}**`,
    '',
    ...report.verdict.details.map((d) => `- ${d}`),
    '',
  ];
  out.push('## Summary by rule area', '');
  out.push(
    table(
      ['Area', 'Covers', 'Passed', 'Failed', 'Incomplete', 'Waived', 'Not checked', 'Findings (blocking)'],
      report.areas.map((a) => [
        a.id,
        a.title,
        a.counts.passed,
        a.counts.failed,
        a.counts.incomplete,
        a.counts.waived,
        a.counts['not covered'] + a.counts['not run'],
        `${num(a.findings)} (${num(a.blocking)})`,
      ]),
    ),
    '',
  );
  out.push('## What ran', '');
  const servers = directoryServersLine(m.directoryServers ?? []);
  const tenant =
    m.tenant.source === 'sample'
      ? `sample tenant${m.tenant.sampleSize ? ` + ${num(m.tenant.sampleSize)} generated objects` : ''}`
      : m.tenant.files
          .map(
            (f) => `${f.name}${f.liveSource ? ` (read live from ${f.liveSource})` : ''} (sha256 ${f.sha256})`,
          )
          .join(', ');
  out.push(
    table(
      ['', ''],
      [
        ['Run', `${m.runId} (${m.status})`],
        [
          'Harness',
          `${m.harness.name} ${m.harness.version}, Node ${m.harness.node}, Cucumber ${m.harness.cucumber}`,
        ],
        ['Services', m.mode],
        ...(servers ? [['LDAP witness', servers]] : []),
        ['Tenant', tenant],
        ...(wireSampleLine(m) ? [['Tenant checks', wireSampleLine(m)!]] : []),
        ...exportShapeLines(m.tenant.forests).map((line) => ['Your export', line]),
        [
          'GALSync flow',
          m.galsyncFlow ? `${m.galsyncFlow.name} (sha256 ${m.galsyncFlow.sha256})` : 'out-of-the-box',
        ],
        [
          'Settings',
          Object.entries(m.settings)
            .map(
              ([k, s]) =>
                `${k}=${s.value}${report.settingsNotUsed.includes(k) ? ' (not used by this run)' : ''}`,
            )
            .join(', '),
        ],
        ['Scenarios selected', m.tags ?? 'all'],
        [
          'Waivers',
          Object.entries(m.waivers)
            .map(([k, v]) => `${k}: ${v}`)
            .join('; ') || 'none',
        ],
        [
          'Rule catalog',
          `version ${m.catalog.version}, ${m.catalog.rules} rules, sha256 ${m.catalog.sha256}`,
        ],
        ['Started / ended', `${m.startedAt} / ${m.endedAt ?? 'did not end'}`],
      ],
    ),
    '',
  );
  if (report.regression) out.push(regressionMarkdown(report.regression));
  out.push('## Rules', '', ...report.rules.map((r) => `${ruleMarkdown(r)}\n`));
  if (report.divergences.length)
    out.push(
      '## Where the harness reads the notes differently',
      '',
      table(
        ['Rule', 'The notes say', 'The harness checks', 'Why'],
        report.divergences.map((d) => [d.rule, d.notes, d.harness, d.why]),
      ),
      '',
    );
  out.push('## Findings for your tenant', '');
  const f = report.findings;
  out.push(
    table(
      ['Rule', 'Objects', 'Hold', 'Blocking', 'Warning', 'Info'],
      f.byRule.map((r) => [r.rule, r.objects, r.holds, r.blocking, r.warning, r.info]),
    ),
    '',
  );
  const shown = f.rows.filter((r) => r[3] === 1).slice(0, MARKDOWN_FINDING_ROWS);
  out.push(`The ${shown.length} most serious findings (every outcome is in findings.csv):`, '');
  out.push(
    table(
      ['Object', 'Rule', 'Severity', 'Why'],
      shown.map((r) => [r[0], f.rules[r[2]], f.severities[r[4]], r[5]]),
    ),
    '',
  );
  return `${out.join('\n')}\n`;
}
