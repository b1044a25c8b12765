import type { Divergence } from '../catalog/catalog';
import { esc } from './html-util';

/** Where the harness reads the field notes differently from their words, and why: one row each. */
export function divergenceSection(divergences: Divergence[]): string {
  if (divergences.length === 0) return '';
  const rows = divergences
    .map(
      (d) =>
        `<tr><td><a href="#rule-${esc(d.rule)}">${esc(d.rule)}</a></td><td>${esc(d.notes)}</td><td>${esc(d.harness)}</td><td>${esc(d.why)}</td></tr>`,
    )
    .join('');
  return `<section id="divergences"><h2>Where the harness reads the notes differently</h2>
<p class="muted">Each row: what the field notes say, what the harness checks instead, and why. The sources are listed in docs/sources.md.</p>
<table class="compact"><thead><tr><th>Rule</th><th>The notes say</th><th>The harness checks</th><th>Why</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
