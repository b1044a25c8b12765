import type { Divergence } from '../catalog/catalog';
import type { EvidenceRef } from '../run/evidence';
import type { FindingsSummary } from './finding-types';
import type { Manifest } from './manifest';
import type { ReportPicture } from './picture-records';
import type { Regression } from './regression';

/** A rule's status in the report. Only `passed` means every selected scenario of the rule ran and passed. */
export type ReportRuleStatus = 'passed' | 'failed' | 'incomplete' | 'not run' | 'not covered' | 'waived';

export const STATUS_ORDER: ReportRuleStatus[] = [
  'failed',
  'incomplete',
  'waived',
  'not run',
  'not covered',
  'passed',
];

export interface ReportScenario {
  name: string;
  feature: string;
  uri: string;
  status: string;
  error?: string;
  /** True when the scenario failed for another reason than the rule (a mock or the harness broke). */
  harnessError?: boolean;
  showsFailure: boolean;
  tenantCheck: boolean;
  /** Witnesses that checked something in the scenario (model, and each mock service). */
  witnesses: string[];
}

export interface ReportCheck {
  scenario: string;
  claim: string;
  expected: string;
  verdict: 'agree' | 'disagree';
  /** `decidedBy`: for the model, the src/model function whose verdict it is. */
  observations: Array<{
    witness: string;
    value: string;
    agrees: boolean;
    detail?: string;
    decidedBy?: string;
    /** Samba differs where Samba is not AD: the allow-list's reason. */
    allowed?: string;
  }>;
  /** The whole check record, when the page shows a value cut short. */
  evidence?: EvidenceRef;
}

/** A mock's protocol exchanges in one scenario: a few lines in the page, all of them in the evidence file. */
export interface ReportExchange {
  scenario: string;
  service: string;
  total: number;
  /** How many of them the evidence file holds (the After hook attaches at most 200 per mock). */
  stored: number;
  lines: string[];
  evidence: EvidenceRef;
}

export interface ReportRule {
  id: string;
  area: string;
  statement: string;
  kind: string;
  sources: Array<{ label: string; where: string; file?: string }>;
  /** The settings its scenarios read in this run, with the values they used. */
  settings: Array<{ name: string; value: string; isDefault: boolean; description: string }>;
  /** The catalog's settings the rule can depend on. */
  dependsOn: string[];
  status: ReportRuleStatus;
  /** The status before a waiver, and its reason, when the rule is waived. */
  waiver?: { reason: string; underlying: ReportRuleStatus };
  scenarios: ReportScenario[];
  /** Per witness: how many checks it agreed and disagreed with. */
  witnesses: Array<{ witness: string; agreed: number; disagreed: number; allowed?: number }>;
  checks: ReportCheck[];
  exchanges: ReportExchange[];
  findings: FindingsSummary[];
  /** Pictures drawn from what its scenarios observed (OAB timelines, issuer lists). */
  pictures: ReportPicture[];
}

export interface ReportArea {
  id: string;
  title: string;
  counts: Record<ReportRuleStatus, number>;
  findings: number;
  blocking: number;
}

/** The per-object findings table, compact: strings by index, so 20,000 rows stay small. */
export interface FindingsTable {
  columns: ['object', 'forest', 'rule', 'outcome', 'severity', 'message', 'witnesses'];
  /** Rows as [dn, forestIdx, ruleIdx, outcome 0 holds / 1 finding, severityIdx, message, witnessesIdx]. */
  rows: Array<[string, number, number, number, number, string, number]>;
  forests: string[];
  rules: string[];
  severities: string[];
  witnesses: string[];
  /** How many outcomes the run has in total (the page may hold fewer: see findings.csv). */
  total: number;
  byRule: Array<{
    rule: string;
    objects: number;
    holds: number;
    blocking: number;
    warning: number;
    info: number;
  }>;
}

export type RulesVerdictStatus = 'passed' | 'failed' | 'incomplete' | 'partial';

/** The tenant's readiness: its own verdict, never folded into the rules'. */
export interface TenantVerdict {
  status: 'ready' | 'not ready' | 'unproven' | 'not checked';
  headline: string;
  objects: number;
  findings: number;
  blocking: number;
}

/** The run's two verdicts; `status` and `headline` are the rules' status and both headlines in one line. */
export interface RunVerdict {
  status: RulesVerdictStatus;
  headline: string;
  rules: { status: RulesVerdictStatus; headline: string };
  tenant: TenantVerdict;
  details: string[];
}

export interface ComplianceReport {
  manifest: Manifest;
  verdict: RunVerdict;
  /** Where the harness reads the field notes differently from their words. */
  divergences: Divergence[];
  /** Settings given for the run that no scenario read. */
  settingsNotUsed: string[];
  areas: ReportArea[];
  rules: ReportRule[];
  findings: FindingsTable;
  totals: { objects: number; findings: number; blocking: number };
  regression?: Regression;
  /** Files of the run folder the report links to. */
  files: Array<{ name: string; what: string }>;
}
