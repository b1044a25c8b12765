import type { EvidenceRef } from '../run/evidence';
import { FINDINGS_MEDIA_TYPE, type FindingsSummary } from './finding-types';
import { type ReportPicture, readPictureRecord } from './picture-records';
import type { ReportCheck, ReportExchange, ReportScenario } from './report-types';
import { ruleTags, type ScenarioRun } from './run-messages';
import { SETTINGS_MEDIA_TYPE, type UsedSettings } from './settings-used';

export const CHECK_MEDIA_TYPE = 'application/vnd.lync-harness.check+json';
export const JOURNAL_MEDIA_TYPE = 'application/vnd.lync-harness.journal+json';
export const WITNESSES_MEDIA_TYPE = 'application/vnd.lync-harness.witnesses+json';

/** Keeps a piece of evidence in a file named by its SHA-256 (the run's evidence store, or a fake in tests). */
export type EvidenceStore = (content: string) => EvidenceRef;

/** How many protocol exchanges of one mock and scenario the page shows inline. */
export const INLINE_EXCHANGES = 6;
const VALUE_CHARS = 240;

export interface RuleEvidence {
  scenarios: ReportScenario[];
  checks: ReportCheck[];
  exchanges: ReportExchange[];
  findings: FindingsSummary[];
  pictures: ReportPicture[];
  witnesses: Map<string, { agreed: number; disagreed: number; allowed?: number }>;
  /** The settings its scenarios read, with the values they used. */
  settings: UsedSettings;
}

interface JournalBody {
  service: string;
  total?: number;
  entries: Array<{
    at?: string;
    operation: string;
    request?: unknown;
    outcome?: unknown;
    fault?: string;
    unmatched?: boolean;
  }>;
}

/** One check as a step attaches it (`application/vnd.lync-harness.check+json`): what the report reads. */
export interface CheckRecord {
  rules: string[];
  claim: string;
  expected: unknown;
  observations: Array<{
    witness: string;
    value: unknown;
    agrees: boolean;
    detail?: unknown;
    /** For the model: the src/model function whose verdict this is. */
    decidedBy?: string;
    /** Samba's answer differs where Samba is not AD: the allow-list's reason (catalog/samba-differences.yaml). */
    allowed?: string;
  }>;
  verdict: 'agree' | 'disagree';
}

/** Error classes that mean the rule itself did not hold (as opposed to a mock or the harness failing). */
/** Error classes of a rule that did not hold or witnesses that disagreed (not a broken mock or harness). */
export const RULE_FAILURES = new Set(['RuleViolation', 'AssertionError', 'AssertionError [ERR_ASSERTION]']);

/** An error message without its stack frames: the reader needs what failed, not where in the code. */
export function withoutStack(message: string): string {
  return message
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n')
    .trim();
}

/** Short text for a value in the page; the whole value stays in the messages and evidence files. */
export function shortText(value: unknown, max = VALUE_CHARS): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function flat(record: unknown): string {
  if (!record || typeof record !== 'object') return record === undefined ? '' : shortText(record, 80);
  return Object.entries(record as Record<string, unknown>)
    .map(([k, v]) => `${k}=${shortText(v, 80)}`)
    .join(' ');
}

/** One protocol exchange on one line: `ldap.search base=… filter=… → resultCode=0 entries=3`. */
export function exchangeLine(entry: JournalBody['entries'][number]): string {
  const time = entry.at ? `${entry.at.slice(11, 19)} ` : '';
  const fault = `${entry.fault ? ` [fault: ${entry.fault}]` : ''}${entry.unmatched ? ' [no handler matched]' : ''}`;
  return shortText(`${time}${entry.operation} ${flat(entry.request)} → ${flat(entry.outcome)}${fault}`, 300);
}

function emptyEvidence(): RuleEvidence {
  return {
    scenarios: [],
    checks: [],
    exchanges: [],
    findings: [],
    pictures: [],
    witnesses: new Map(),
    settings: {},
  };
}

/** Sorts every scenario's attachments to the rules they concern: checks by their rule IDs, the rest by tag. */
export function collectRuleEvidence(
  scenarios: ScenarioRun[],
  features: Record<string, string>,
  store: EvidenceStore,
): Map<string, RuleEvidence> {
  const byRule = new Map<string, RuleEvidence>();
  const slot = (id: string) => {
    if (!byRule.has(id)) byRule.set(id, emptyEvidence());
    return byRule.get(id)!;
  };
  for (const scenario of scenarios) {
    const ids = ruleTags(scenario.tags);
    const witnesses = new Set<string>();
    for (const a of scenario.attachments) {
      if (a.mediaType === WITNESSES_MEDIA_TYPE)
        for (const w of (JSON.parse(a.body) as { witnesses: string[] }).witnesses) witnesses.add(w);
      else if (a.mediaType === CHECK_MEDIA_TYPE) addCheck(a.body, scenario, ids, slot, store);
      else if (a.mediaType === SETTINGS_MEDIA_TYPE) {
        const { settings } = JSON.parse(a.body) as { settings: UsedSettings };
        for (const id of ids) Object.assign(slot(id).settings, settings);
      } else if (a.mediaType === FINDINGS_MEDIA_TYPE) {
        const summary = JSON.parse(a.body) as FindingsSummary;
        const {
          rule,
          scenario: name,
          objectsChecked,
          checkedBy,
          holds,
          findings,
          blocking,
          evidence,
        } = summary;
        const short = {
          rule,
          scenario: name ?? scenario.name,
          objectsChecked,
          ...(checkedBy ? { checkedBy } : {}),
          holds,
          findings,
          blocking,
          evidence,
        };
        slot(rule).findings.push(short);
      } else if (a.mediaType === JOURNAL_MEDIA_TYPE) {
        const exchange = toExchange(JSON.parse(a.body), scenario.name, a.body, store);
        for (const id of ids) slot(id).exchanges.push(exchange);
      } else {
        const picture = readPictureRecord(a.mediaType, a.body, scenario.name);
        if (picture) for (const id of ids) slot(id).pictures.push(picture);
      }
    }
    const record: ReportScenario = {
      name: scenario.name,
      feature: features[scenario.uri] ?? scenario.uri,
      uri: scenario.uri,
      status: scenario.status,
      error: scenario.error && shortText(withoutStack(scenario.error), 1200),
      harnessError: Boolean(scenario.errorType && !RULE_FAILURES.has(scenario.errorType)),
      showsFailure: scenario.tags.includes('@shows-failure'),
      tenantCheck: scenario.tags.includes('@tenant-check'),
      witnesses: [...witnesses].sort(),
    };
    for (const id of ids) slot(id).scenarios.push(record);
  }
  return byRule;
}

function addCheck(
  body: string,
  scenario: ScenarioRun,
  ids: string[],
  slot: (id: string) => RuleEvidence,
  store: EvidenceStore,
): void {
  const check = JSON.parse(body) as CheckRecord;
  const record: ReportCheck = {
    scenario: scenario.name,
    claim: check.claim,
    expected: shortText(check.expected),
    verdict: check.verdict,
    observations: check.observations.map((o) => ({
      witness: o.witness,
      value: shortText(o.value),
      agrees: o.agrees,
      ...(o.detail === undefined ? {} : { detail: shortText(o.detail) }),
      ...(o.decidedBy ? { decidedBy: o.decidedBy } : {}),
      ...(o.allowed ? { allowed: o.allowed } : {}),
    })),
  };
  // A value cut short in the page is kept whole in an evidence file.
  const cut = [record.expected, ...record.observations.flatMap((o) => [o.value, o.detail ?? ''])];
  if (cut.some((text) => text.endsWith('…'))) record.evidence = store(body);
  for (const id of check.rules?.length ? check.rules : ids) {
    const evidence = slot(id);
    evidence.checks.push(record);
    for (const o of check.observations) {
      const count = evidence.witnesses.get(o.witness) ?? { agreed: 0, disagreed: 0 };
      if (o.agrees) count.agreed++;
      else if (o.allowed) count.allowed = (count.allowed ?? 0) + 1;
      else count.disagreed++;
      evidence.witnesses.set(o.witness, count);
    }
  }
}

function toExchange(
  journal: JournalBody,
  scenario: string,
  body: string,
  store: EvidenceStore,
): ReportExchange {
  return {
    scenario,
    service: journal.service,
    total: journal.total ?? journal.entries.length,
    stored: journal.entries.length,
    lines: journal.entries.slice(0, INLINE_EXCHANGES).map(exchangeLine),
    evidence: store(body),
  };
}
