/** One rule's outcome for one directory object of the loaded tenant. */
export interface Finding {
  rule: string;
  dn: string;
  forest: string;
  /** `holds`: the rule is satisfied for this object; `finding`: it is not (a defect or a limitation). */
  outcome: 'holds' | 'finding';
  /** For findings: `blocking` fails a run under --fail-on-findings; `warning` and `info` never do. */
  severity?: 'blocking' | 'warning' | 'info';
  message: string;
  /** The witnesses that agree on this outcome (model, and each mock consulted). */
  witnesses: string[];
}

export interface FindingsSummary {
  rule: string;
  scenario: string;
  objectsChecked: number;
  holds: number;
  findings: number;
  blocking: number;
  /** The whole list, in an evidence file named by its SHA-256. */
  evidence: { sha256: string; file: string; bytes: number };
  /** The first few findings, for the report page. */
  sample: Finding[];
}

export const FINDINGS_MEDIA_TYPE = 'application/vnd.lync-harness.findings+json';
