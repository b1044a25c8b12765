import { esc } from './html-util';
import type { ReportPicture } from './picture-records';
import { issuerListFigure } from './svg-issuer-list';
import { oabTimelineFigure } from './svg-oab-timeline';

/** A rule's pictures: each OAB scenario's timeline, each replication's issuer list. */
export function picturesBlock(ruleId: string, pictures: ReportPicture[]): string {
  if (pictures.length === 0) return '';
  const figures = pictures.map((p, i) => {
    const id = `pic-${ruleId}-${i + 1}`;
    if (p.kind === 'oab-timeline') return oabTimelineFigure(p.record, id, p.scenario);
    if (p.kind === 'issuer-list') return issuerListFigure(p.record, id, p.scenario);
    return `<p class="note">No picture for “${esc(p.scenario)}”: its record could not be read (${esc(p.problem)}).</p>`;
  });
  return `<h4>Pictures</h4><div class="pictures">${figures.join('')}</div>`;
}

/** The pictures' style: shapes and strokes tell the marks apart, so black-and-white print keeps them. */
export const PICTURE_CSS = `
.pictures figure{margin:10px 0 16px;break-inside:avoid}
.pictures figcaption{margin-bottom:4px}
svg.picture{display:block;width:100%;height:auto;max-width:900px;font:11px system-ui,"DejaVu Sans",sans-serif;background:#fff}
svg.picture text{fill:#1f2328}svg.picture .tick{fill:#5f6368;font-size:10px}svg.picture .day{font-weight:600}
svg.picture .lane-name{font-weight:600}svg.picture .note{font-size:11px}svg.picture .when{font-size:9.5px;fill:#3c4043}
svg.picture .lane{stroke:#c4c8cc;stroke-width:1}svg.picture .day-line{stroke:#80868b;stroke-width:1}svg.picture .hour-line{stroke:#e3e5e8;stroke-width:1}
svg.picture .mark{fill:#fff;stroke:#1f2328;stroke-width:1.6}
svg.picture .ev-change,svg.picture .carries,svg.picture .copied,svg.picture .ev-outlook.downloaded{fill:#1f2328}
svg.picture .diff-dot{fill:#fff;stroke:none}
svg.picture .ev-outlook.failed{stroke:#b3261e;stroke-width:2.2}
svg.picture .ev-searchable{stroke:#1b6e32;stroke-width:2.4;stroke-dasharray:6 3}
svg.picture .waiting{stroke:#444;stroke-width:1}svg.picture .found{fill:#1b6e32;stroke:#1f2328;stroke-width:1}
svg.picture .store-bar{fill:#e8eaed;stroke:#5f6368}svg.picture .sent-bar{fill:#9aa0a6;stroke:#1f2328}
svg.picture .name-edges{stroke:#3c4043;stroke-width:.6;fill:none}
svg.picture .limit-line line{stroke:#b3261e;stroke-width:2.4;stroke-dasharray:7 4}
svg.picture .issuer-marker rect,svg.picture .issuer-marker path{fill:#1f2328;stroke:none}svg.picture .issuer-marker line{stroke:#1f2328;stroke-width:1.6}
svg.picture .story-badge circle{fill:#fff;stroke:#1f2328;stroke-width:1.4}svg.picture .story-badge text{font-size:10px;font-weight:700}
svg.picture .axis,svg.picture .axis-tick line{stroke:#3c4043;stroke-width:1}
ol.picture-text,ul.picture-text{margin:4px 0;padding-left:22px;font-size:13px}.legend{font-size:12px;margin:2px 0}
@media print{svg.picture{max-width:100%;print-color-adjust:exact;-webkit-print-color-adjust:exact}.pictures figure{break-inside:avoid}}
`;
