import { picturesBlock } from './html-pictures';
import { badge, esc, fileLink, num, statusClass, underlyingWords } from './html-util';
import type { ReportCheck, ReportExchange, ReportRule } from './report-types';

/** Exchange logs (one per mock and scenario) shown open under a rule; the rest fold away. */
const EXCHANGE_BLOCKS = 3;
/** Two-witness checks shown open under a rule (disagreements always among them); the rest fold away. */
const CHECK_ROWS = 5;

const ICON: Record<string, string> = { passed: '✔', failed: '✘', unknown: '–', skipped: '–' };

function scenarioList(rule: ReportRule): string {
  if (rule.scenarios.length === 0) {
    const why =
      rule.waiver?.underlying === 'not run' || rule.status === 'not run'
        ? 'This run’s tag expression left out every scenario of this rule: it was not checked.'
        : 'No scenario in the suite checks this rule yet: it was not checked.';
    return `<p class="muted">${why}</p>`;
  }
  const items = rule.scenarios.map((s) => {
    const marks = [s.showsFailure ? 'shows the failure side' : '', s.tenantCheck ? 'tenant check' : '']
      .filter(Boolean)
      .map((m) => `<span class="tag">${m}</span>`)
      .join(' ');
    const status =
      s.status === 'unknown'
        ? 'did not run'
        : s.harnessError
          ? 'failed: the check could not complete, so the rule is unproven'
          : s.status;
    const error = s.error ? `<pre class="error">${esc(s.error)}</pre>` : '';
    const by = s.witnesses.length
      ? ` <span class="muted">· checked by ${esc(s.witnesses.join(', '))}</span>`
      : '';
    return `<li class="${statusClass(s.status)}"><span class="icon">${ICON[s.status] ?? '!'}</span> ${esc(s.name)} <span class="muted">(${esc(status)}; ${esc(s.feature)})</span> ${marks}${by}${error}</li>`;
  });
  return `<ul class="scenarios">${items.join('')}</ul>`;
}

function witnessLine(rule: ReportRule): string {
  if (rule.witnesses.length === 0) return '<span class="muted">no check recorded</span>';
  const parts = rule.witnesses.map(
    (w) =>
      `<span class="witness ${w.disagreed ? 'disagree' : 'agree'}">${esc(w.witness)}: ${w.agreed} agreed${w.disagreed ? `, ${w.disagreed} disagreed` : ''}${w.allowed ? `, <span class="allowed">${w.allowed} allowed difference(s) where Samba is not AD</span>` : ''}</span>`,
  );
  const mockless = rule.witnesses.every((w) => w.witness === 'model')
    ? ' <span class="muted">(the reference model only: no mock service was consulted)</span>'
    : '';
  return parts.join(' ') + mockless;
}

function checkTable(checks: ReportCheck[]): string {
  if (checks.length === 0) return '';
  // Disagreements and Samba's allowed differences first: they are what a reader must not miss.
  const notable = (c: ReportCheck) => c.verdict !== 'agree' || c.observations.some((o) => o.allowed);
  const ordered = [...checks].sort((a, b) => Number(notable(b)) - Number(notable(a)));
  const rows = ordered.map((c) => {
    const seen = c.observations
      .map(
        (o) =>
          `<div class="${o.agrees ? 'agree' : o.allowed ? 'allowed' : 'disagree'}">${o.agrees ? '✔' : o.allowed ? '≈' : '✘'} <b>${esc(o.witness)}</b>${o.decidedBy ? ` <code class="muted">${esc(o.decidedBy)}()</code>` : ''}: ${esc(o.value)}${o.detail ? ` <span class="muted">— ${esc(o.detail)}</span>` : ''}${o.allowed ? `<div class="allowed">allowed difference (where Samba is not AD): ${esc(o.allowed)}</div>` : ''}</div>`,
      )
      .join('');
    const whole = c.evidence
      ? `<div class="muted">whole record: ${fileLink(c.evidence.file, `evidence ${c.evidence.sha256.slice(0, 12)}…`)}</div>`
      : '';
    return `<tr class="check-${c.verdict}"><td>${esc(c.claim)}<div class="muted">${esc(c.scenario)}</div></td><td><code>${esc(c.expected)}</code></td><td>${seen}${whole}</td></tr>`;
  });
  const table = (part: string[]) =>
    `<table class="checks"><thead><tr><th>Claim</th><th>Expected</th><th>What each witness saw</th></tr></thead><tbody>${part.join('')}</tbody></table>`;
  const shown = Math.max(CHECK_ROWS, checks.filter(notable).length);
  const rest =
    rows.length > shown
      ? `<details class="more"><summary>${rows.length - shown} more check(s), every witness agreeing</summary>${table(rows.slice(shown))}</details>`
      : '';
  return table(rows.slice(0, shown)) + rest;
}

function exchangeBlock(exchanges: ReportExchange[]): string {
  if (exchanges.length === 0) return '';
  const blocks = exchanges.map((x) => {
    const more = x.total > x.lines.length ? `${num(x.total - x.lines.length)} more; ` : '';
    const which = x.stored < x.total ? `the first ${num(x.stored)}` : 'all';
    return `<div class="exchange"><div><b>${esc(x.service)}</b> <span class="muted">in “${esc(x.scenario)}”: ${num(x.total)} exchange(s); ${more}${which} in ${fileLink(x.evidence.file, `evidence ${x.evidence.sha256.slice(0, 12)}…`)}</span></div><pre>${esc(x.lines.join('\n'))}</pre></div>`;
  });
  const shown = blocks.slice(0, EXCHANGE_BLOCKS).join('');
  const rest =
    blocks.length > EXCHANGE_BLOCKS
      ? `<details class="more"><summary>${blocks.length - EXCHANGE_BLOCKS} more exchange log(s) of this rule’s scenarios</summary>${blocks.slice(EXCHANGE_BLOCKS).join('')}</details>`
      : '';
  return `<h4>Protocol exchanges</h4>${shown}${rest}`;
}

/** How many objects each witness checked: the model all, a mock its sample. */
export function checkedByText(f: { checkedBy?: Record<string, number> }): string {
  const by = Object.entries(f.checkedBy ?? {});
  if (!by.length) return '';
  return `<div class="muted">${by.map(([w, n]) => `${esc(w)}: ${num(n)}`).join(', ')}</div>`;
}

function findingsBlock(rule: ReportRule): string {
  if (rule.findings.length === 0) return '';
  const rows = rule.findings.map(
    (f) =>
      `<tr><td>${esc(f.scenario)}</td><td class="n">${num(f.objectsChecked)}${checkedByText(f)}</td><td class="n">${num(f.holds)}</td><td class="n">${num(f.findings)}</td><td class="n ${f.blocking ? 'bad' : ''}">${num(f.blocking)}</td><td>${fileLink(f.evidence.file, `sha256 ${f.evidence.sha256.slice(0, 12)}…`)} <span class="muted">(${num(f.evidence.bytes)} bytes)</span></td></tr>`,
  );
  return `<h4>Tenant check</h4><table class="compact"><thead><tr><th>Scenario</th><th>Objects checked (by witness)</th><th>Hold</th><th>Findings</th><th>Blocking</th><th>Every outcome</th></tr></thead><tbody>${rows.join('')}</tbody></table><p><a href="#findings" data-rule-filter="${esc(rule.id)}">Show this rule’s objects in the findings table</a></p>`;
}

function settingsLine(rule: ReportRule): string {
  if (rule.settings.length === 0)
    return rule.dependsOn.length
      ? `<span class="muted">none read by its scenarios in this run (it can depend on ${rule.dependsOn.map(esc).join(', ')})</span>`
      : '<span class="muted">none: the rule holds the same under every setting</span>';
  return rule.settings
    .map(
      (s) =>
        `<span title="${esc(s.description)}"><code>${esc(s.name)}</code> = ${esc(s.value)}${s.isDefault ? ' <span class="muted">(default)</span>' : ' <b>(set for this run)</b>'}</span>`,
    )
    .join('; ');
}

/** One catalog rule: statement, source, settings, status, scenarios, witnesses and evidence. */
export function ruleSection(rule: ReportRule): string {
  const sources = rule.sources
    .map(
      (s) =>
        `${esc(s.label)}: ${esc(s.where)}${s.file ? ` <span class="muted">(${esc(s.file)})</span>` : ''}`,
    )
    .join('<br>');
  const waiver = rule.waiver
    ? `<p class="waiver"><b>Waived</b> (${esc(underlyingWords(rule.waiver.underlying))}): ${esc(rule.waiver.reason)}</p>`
    : '';
  const evidence =
    picturesBlock(rule.id, rule.pictures) +
    checkTable(rule.checks) +
    exchangeBlock(rule.exchanges) +
    findingsBlock(rule);
  return `<section class="rule ${statusClass(rule.status)}" id="rule-${esc(rule.id)}" data-status="${esc(rule.status)}">
<h3><span class="rule-id">${esc(rule.id)}</span> ${badge(rule.status)} <span class="kind">${esc(rule.kind)}</span></h3>
<p class="statement">${esc(rule.statement)}</p>${waiver}
<dl>
<dt>Source</dt><dd>${sources || '<span class="muted">not given</span>'}</dd>
<dt>Settings</dt><dd>${settingsLine(rule)}</dd>
<dt>Witnesses</dt><dd>${witnessLine(rule)}</dd>
<dt>Scenarios</dt><dd>${scenarioList(rule)}</dd>
</dl>
${evidence ? `<details class="evidence" open><summary>Evidence</summary>${evidence}</details>` : ''}
</section>`;
}
