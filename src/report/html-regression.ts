import { badge, esc, fileLink, num } from './html-util';
import type { Regression } from './regression';

function flowPart(r: Regression): string {
  if (!r.flow.changed) return `<p>GALSync flow: unchanged (${esc(r.flow.after)}).</p>`;
  const changes =
    r.flow.changes === null
      ? '<p class="muted">One of the flow files could not be read as YAML or JSON; only its hash is compared.</p>'
      : r.flow.changes.length === 0
        ? '<p class="muted">The files differ only in layout or comments.</p>'
        : `<table class="compact"><thead><tr><th>Flow entry</th><th>Before</th><th>Now</th></tr></thead><tbody>${r.flow.changes
            .map(
              (c) =>
                `<tr><td><code>${esc(c.path)}</code></td><td>${c.before === undefined ? '<span class="muted">absent</span>' : esc(c.before)}</td><td>${c.after === undefined ? '<span class="muted">absent</span>' : esc(c.after)}</td></tr>`,
            )
            .join('')}</tbody></table>`;
  return `<p><b>GALSync flow changed</b>: ${esc(r.flow.before)} → ${esc(r.flow.after)}</p>${changes}`;
}

/** What changed since the approved (baseline) run: rule statuses, object outcomes, the GALSync flow. */
export function regressionSection(r: Regression): string {
  const rules = r.rules.length
    ? `<table class="compact"><thead><tr><th>Rule</th><th>Before</th><th>Now</th></tr></thead><tbody>${r.rules
        .map(
          (x) =>
            `<tr><td><a href="#rule-${esc(x.id)}">${esc(x.id)}</a></td><td>${badge(x.before)}</td><td>${badge(x.after)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No rule changed status.</p>';
  const objects = r.objects.changed
    ? `<p>${num(r.objects.changed)} object outcome(s) changed${r.objects.changed > r.objects.rows.length ? `; the first ${num(r.objects.rows.length)} are shown, all are in ${fileLink('regression.csv')}` : ` (also in ${fileLink('regression.csv')})`}.</p><table class="compact" id="regression-objects"><thead><tr><th>Object</th><th>Rule</th><th>Before</th><th>Now</th></tr></thead><tbody>${r.objects.rows
        .map(
          (x) =>
            `<tr><td>${esc(x.dn)}</td><td>${esc(x.rule)}</td><td>${esc(x.before)}</td><td>${esc(x.after)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p>No object’s outcome changed.</p>';
  const reworded = r.objects.reworded
    ? `<p class="muted">${num(r.objects.reworded)} outcome(s) differ only in the wording of their message (the flow's name, a value quoted); they are not counted as changes.</p>`
    : '';
  const settings = r.settings.length
    ? `<p>Settings changed: ${r.settings.map((s) => `<code>${esc(s.name)}</code> ${esc(s.before)} → ${esc(s.after)}`).join('; ')}</p>`
    : '';
  const tenant = r.tenantChanged ? '<p><b>The tenant data differs from the baseline’s.</b></p>' : '';
  return `<section id="regression"><h2>Changes since the approved run</h2>
<p>Compared with run <b>${esc(r.baseline.runId)}</b>${r.baseline.startedAt ? ` of ${esc(r.baseline.startedAt)}` : ''} (${esc(r.baseline.dir)}).</p>
${tenant}${settings}<h3>Rules whose status changed</h3>${rules}<h3>Attribute flow</h3>${flowPart(r)}<h3>Objects whose outcome changed</h3><p class="muted">An outcome changed when its status or severity changed, or its object appeared or disappeared; the message is shown beside it. Worse first.</p>${objects}${reworded}</section>`;
}
