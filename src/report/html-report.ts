import { directoryServersLine } from '../run/directory-servers';
import { exportShapeLines } from './export-shape';
import { PAGE_CSS, PAGE_SCRIPT } from './html-assets';
import { divergenceSection } from './html-divergences';
import { PICTURE_CSS } from './html-pictures';
import { regressionSection } from './html-regression';
import { ruleSection } from './html-rules';
import { badge, esc, fileLink, num, scriptJson, statusClass } from './html-util';
import { wireSampleLine } from './manifest';
import type { ComplianceReport } from './report-types';

function verdictBlock(report: ComplianceReport): string {
  const v = report.verdict;
  const tenant = v.tenant.status.replace(' ', '-');
  return `<div class="verdict v-${v.status}" id="verdict" data-verdict="${v.status}" data-tenant="${esc(v.tenant.status)}"><div class="headline" id="verdict-rules">Rules: ${esc(v.rules.headline)}</div><div class="headline tenant-${tenant}" id="verdict-tenant">Your tenant: ${esc(v.tenant.headline)}</div>${v.details.map((d) => `<div>${esc(d)}</div>`).join('')}</div>`;
}

function areaTable(report: ComplianceReport): string {
  const rows = report.areas.map((a) => {
    const c = a.counts;
    const chips = report.rules
      .filter((r) => r.area === a.id)
      .map(
        (r) =>
          `<a class="chip ${statusClass(r.status)}" href="#rule-${esc(r.id)}" title="${esc(r.status)}">${esc(r.id)}</a>`,
      )
      .join(' ');
    return `<tr><th scope="row">${esc(a.id)}</th><td>${esc(a.title)}<div class="chips">${chips}</div></td><td class="n">${c.passed}</td><td class="n ${c.failed ? 'bad' : ''}">${c.failed}</td><td class="n">${c.incomplete}</td><td class="n">${c.waived}</td><td class="n">${c['not covered'] + c['not run']}</td><td class="n">${num(a.findings)}${a.blocking ? ` <span class="bad">(${num(a.blocking)} blocking)</span>` : ''}</td></tr>`;
  });
  return `<table class="areas"><thead><tr><th>Area</th><th>What it covers (rules)</th><th class="n">Passed</th><th class="n">Failed</th><th class="n">Incom&shy;plete</th><th class="n">Waived</th><th class="n">Not checked</th><th class="n">Tenant findings</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function manifestTable(report: ComplianceReport): string {
  const m = report.manifest;
  const tenant =
    m.tenant.source === 'sample'
      ? `the bundled sample tenant${m.tenant.sampleSize ? ` plus ${num(m.tenant.sampleSize)} generated objects` : ''}`
      : m.tenant.files
          .map(
            (f) =>
              `${esc(f.role ? `${f.role}: ` : '')}${esc(f.name)}${f.liveSource ? ` (read live from ${esc(f.liveSource)})` : ''} <code class="hash">sha256 ${esc(f.sha256)}</code> (${num(f.bytes)} bytes)`,
          )
          .join('<br>');
  const shape = exportShapeLines(m.tenant.forests)
    .map((line) => esc(line))
    .join('<br>');
  const flow = m.galsyncFlow
    ? `${esc(m.galsyncFlow.name)}${m.galsyncFlow.isDefault ? ' (the shipped out-of-the-box flow; no --galsync given)' : ''} <code class="hash">sha256 ${esc(m.galsyncFlow.sha256)}</code> ${m.galsyncFlow.copy ? ` (copy: ${fileLink(m.galsyncFlow.copy)})` : ''}`
    : 'the out-of-the-box flow';
  const settings = Object.entries(m.settings)
    .filter(([name]) => name !== 'galsyncFlow')
    .map(
      ([name, s]) =>
        `<code>${esc(name)}</code> = ${esc(s.value)}${s.isDefault ? '' : ' <b>(set)</b>'}${report.settingsNotUsed.includes(name) ? ' <span class="bad">(not used by this run)</span>' : ''}`,
    )
    .join('<br>');
  const waivers = Object.entries(m.waivers)
    .map(([id, reason]) => `${esc(id)}: ${esc(reason)}`)
    .join('<br>');
  const servers = directoryServersLine(m.directoryServers ?? []);
  const rows: Array<[string, string]> = [
    ['Run', `${esc(m.runId)} ${badge(m.status)}`],
    [
      'Harness',
      `${esc(m.harness.name)} ${esc(m.harness.version)} (Node ${esc(m.harness.node)}, Cucumber ${esc(m.harness.cucumber)})`,
    ],
    [
      'Services',
      m.mode === 'embedded'
        ? 'embedded (each mock service in a process of its own)'
        : 'containers (mock services in Docker)',
    ],
    ...(servers ? ([['LDAP witness', esc(servers)]] as Array<[string, string]>) : []),
    ['Tenant', tenant],
    ...(wireSampleLine(m) ? ([['Tenant checks', esc(wireSampleLine(m)!)]] as Array<[string, string]>) : []),
    ...(shape ? ([['Your export', shape]] as Array<[string, string]>) : []),
    ['GALSync flow', flow],
    ['Settings', settings],
    ['Scenarios selected', m.tags ? `tag expression <code>${esc(m.tags)}</code>` : 'all'],
    ['Waivers', waivers || 'none'],
    [
      'Rule catalog',
      `version ${m.catalog.version}, ${m.catalog.rules} rules <code class="hash">sha256 ${esc(m.catalog.sha256)}</code>`,
    ],
    ['Started', esc(m.startedAt)],
    ['Ended', esc(m.endedAt ?? 'did not end')],
  ];
  return `<table class="manifest">${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('')}</table>`;
}

function findingsSection(report: ComplianceReport): string {
  const f = report.findings;
  const byRule = f.byRule.length
    ? `<table class="compact"><thead><tr><th>Rule</th><th>Objects</th><th>Hold</th><th>Blocking</th><th>Warning</th><th>Info</th></tr></thead><tbody>${f.byRule
        .map(
          (r) =>
            `<tr><td><a href="#rule-${esc(r.rule)}">${esc(r.rule)}</a></td><td class="n">${num(r.objects)}</td><td class="n">${num(r.holds)}</td><td class="n ${r.blocking ? 'bad' : ''}">${num(r.blocking)}</td><td class="n">${num(r.warning)}</td><td class="n">${num(r.info)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p class="muted">No tenant check ran in this run, so no object was checked.</p>';
  const capped =
    f.rows.length < f.total
      ? `<p class="note">This page holds the ${num(f.rows.length)} most serious of ${num(f.total)} outcomes (blocking first). Every outcome is in ${fileLink('findings.csv')} and ${fileLink('findings.json')}.</p>`
      : '';
  return `<section id="findings"><h2>Findings for your tenant</h2>
<p>Each row is one rule’s outcome for one directory object: a <b>finding</b> (a defect or a limitation the object will meet) or <b>holds</b>. ${num(report.totals.findings)} findings on ${num(report.totals.objects)} checked objects, ${num(report.totals.blocking)} blocking.</p>
${byRule}${capped}
<div class="controls no-print">
<input id="f-text" type="search" placeholder="Filter: name, DN or message" aria-label="Filter the findings">
<select id="f-rule" aria-label="Rule"><option value="">every rule</option>${f.rules.map((r, i) => `<option value="${i}">${esc(r)}</option>`).join('')}</select>
<select id="f-severity" aria-label="Outcome"><option value="">every outcome</option><option value="findings">findings only</option><option value="0">blocking</option><option value="1">warning</option><option value="2">info</option><option value="3">holds</option></select>
<span id="f-count" aria-live="polite"></span>
</div>
<noscript><p class="note">The findings table needs JavaScript, which is off: every outcome is in ${fileLink('findings.csv')}.</p></noscript>
<table id="findings-table" class="findings"><thead><tr><th data-col="0">Object</th><th data-col="1">Forest</th><th data-col="2">Rule</th><th data-col="4">Outcome</th><th data-col="5">Why</th><th data-col="6">Witnesses</th></tr></thead><tbody></tbody></table>
<p id="f-print" class="print-only muted"></p>
<div class="pager no-print"><button id="f-prev" type="button">‹ Previous</button> <span id="f-page"></span> <button id="f-next" type="button">Next ›</button></div>
<script type="application/json" id="findings-data">${scriptJson(f)}</script>
</section>`;
}

/** The whole page: self-contained (no external URL), printable on A4. */
export function renderHtml(report: ComplianceReport): string {
  const areas = report.areas
    .map((a) => {
      const rules = report.rules.filter((r) => r.area === a.id);
      return rules.length
        ? `<h2 class="area" id="area-${esc(a.id)}">${esc(a.id)}: ${esc(a.title)}</h2>${rules.map(ruleSection).join('\n')}`
        : '';
    })
    .join('\n');
  const files = report.files.map((f) => `<li>${fileLink(f.name)}: ${esc(f.what)}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Compliance report ${esc(report.manifest.runId)}: ${esc(report.verdict.status)}</title>
<style>${PAGE_CSS}${PICTURE_CSS}</style></head>
<body><main>
<header><h1>Lync / Exchange / AD rule compliance report</h1><p class="muted">Run ${esc(report.manifest.runId)} · ${esc(report.manifest.startedAt)} · lync-harness ${esc(report.manifest.harness.version)}</p></header>
<nav class="no-print"><a href="#summary">Summary</a> · <a href="#manifest">What ran</a>${report.regression ? ' · <a href="#regression">Changes since the approved run</a>' : ''} · <a href="#rules">Rules</a> · <a href="#divergences">Where the harness reads the notes differently</a> · <a href="#findings">Findings for your tenant</a> · <a href="#files">Files</a></nav>
${verdictBlock(report)}
<section id="summary"><h2>Summary by rule area</h2>${areaTable(report)}
<p class="muted">Status words: <b>passed</b> every scenario of the rule ran and passed; <b>failed</b> a scenario failed or a witness disagreed; <b>incomplete</b> a scenario did not finish; <b>waived</b> accepted with a reason; <b>not checked</b> no scenario of the rule ran in this run.</p></section>
<section id="manifest"><h2>What ran</h2>${manifestTable(report)}</section>
${report.regression ? regressionSection(report.regression) : ''}
<section id="rules"><h2>Rules</h2><p class="muted">Each rule: what it says, where it comes from, the settings it ran under, its status, the scenarios that checked it, which witnesses agreed (the reference model and the mock services), and the evidence.</p>${areas}</section>
${divergenceSection(report.divergences)}
${findingsSection(report)}
<section id="files"><h2>Files of this run</h2><ul>${files}</ul><p class="muted">Evidence files are named by the SHA-256 of their content, in the evidence folder.</p></section>
</main><script>${PAGE_SCRIPT}</script></body></html>
`;
}
