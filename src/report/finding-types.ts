/** What a tenant check records per object, and the run's findings.json, as types every reader shares. */

export const FINDINGS_MEDIA_TYPE = 'application/vnd.lync-harness.findings+json';

export type RuleStatus = 'passed' | 'failed' | 'not covered' | 'incomplete' | 'not run' | 'waived';

export interface ObjectFinding {
  rule: string;
  outcome: 'holds' | 'finding';
  severity?: 'blocking' | 'warning' | 'info';
  message: string;
  witnesses: string[];
}

/** One rule outcome for one directory object, as the steps store it in an evidence file. */
export interface FindingEntry extends ObjectFinding {
  dn: string;
  forest: string;
}

/** What a tenant-check scenario attached: counts, a sample, and the whole list's evidence file. */
export interface FindingsSummary {
  rule: string;
  scenario: string;
  objectsChecked: number;
  /** How many objects each witness checked: the model every one, a mock its sample. */
  checkedBy?: Record<string, number>;
  holds: number;
  findings: number;
  blocking: number;
  evidence: { sha256: string; file: string; bytes: number };
}

export interface FindingsFile {
  runId: string;
  complete: boolean;
  rules: Record<
    string,
    { status: RuleStatus; kind: string; scenarios: Array<{ name: string; status: string }> }
  >;
  objects: Record<string, { forest: string; findings: ObjectFinding[] }>;
  totals: { objects: number; findings: number; blocking: number };
}
