import type { FindingEntry, FindingsSummary as StoredSummary } from '../../src/report/finding-types';

export { FINDINGS_MEDIA_TYPE } from '../../src/report/finding-types';

/**
 * One rule's outcome for one directory object of the loaded tenant: `holds` when the rule is
 * satisfied, `finding` when it is not; `blocking` findings fail a run under --fail-on-findings.
 * The same shape the report reads back from the evidence files.
 */
export type Finding = FindingEntry;

/** What a tenant check attaches: counts, the evidence file, and the first few findings for the page. */
export interface FindingsSummary extends StoredSummary {
  sample: Finding[];
}
