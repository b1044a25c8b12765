import { AssertionError } from 'node:assert';
import { inspect, isDeepStrictEqual } from 'node:util';
import { type SambaDifference, sambaDifferenceFor } from '../../src/catalog/samba-differences';
import { Verdict } from '../../src/model/verdict';
import type { CheckRecord } from '../../src/report/rule-evidence';

/** The mocks and client simulators that observe over the wire. Never the model: its side is a Verdict. */
export type WireWitness =
  | 'ldap'
  | 'samba'
  | 'exchange'
  | 'lync-online'
  | 'lync-fe'
  | 'edge'
  | 'front-end'
  | 'phone'
  | 'tls'
  | 'clients'
  | `client:${string}`;

/** What one wire witness saw. */
export interface Observation<T> {
  witness: WireWitness;
  value: T;
  /** Evidence for the report: the request made, the answer seen (never keys or passwords). */
  detail?: unknown;
}

export interface Check<T> {
  /** Rule ID(s) the check proves, e.g. `GAL-02`. */
  rule: string | string[];
  /** What is being claimed, in words: "the contact has no SIP address". */
  claim: string;
  expected: T;
  /** The reference model's side: only a verdict a src/model function made. */
  model: Verdict<T>;
  /** Other statements of the same rule by the model (the notes' threshold and the mechanism, say). */
  alsoModel?: Verdict<T>[];
  observations: Observation<T>[];
}

export const CHECK_MEDIA_TYPE = 'application/vnd.lync-harness.check+json';

/** A rule that does not hold, or witnesses that disagree: carries the rule and every witness's value. */
export class RuleViolation extends AssertionError {
  readonly record: CheckRecord;

  constructor(record: CheckRecord) {
    const lines = record.observations.map(
      (o) =>
        `  ${o.agrees ? '✔' : o.allowed ? '≈' : '✘'} ${witnessName(o.witness)}: ${inspect(o.value, { depth: 4, breakLength: 120 })}`,
    );
    super({
      message: `[${record.rules.join(', ')}] ${record.claim}\n  expected: ${inspect(record.expected, { depth: 4, breakLength: 120 })}\n${lines.join('\n')}`,
      expected: record.expected,
      actual: record.observations.map((o) => ({ [o.witness]: o.value })),
      operator: 'witnesses agree',
    });
    this.name = 'RuleViolation';
    this.record = record;
  }
}

/** How a failure names a witness: the two domain controllers by what they are. */
function witnessName(witness: string): string {
  if (witness === 'ldap') return 'ldap (the mock DC)';
  if (witness === 'samba') return "samba (Samba's AD DC)";
  return witness;
}

/**
 * Checks an expectation against the model's verdict and every wire witness: any witness whose value
 * differs from the expectation fails the check, so a model/mock disagreement fails too. Samba's answer
 * alone may differ when the written allow-list (`sambaDifferences`) explains it and every other witness
 * agrees: it is then marked `allowed` with the reason, shown but not failed.
 */
export function evaluateCheck<T>(check: Check<T>, sambaDifferences: SambaDifference[] = []): CheckRecord {
  if (check.observations.some((o) => (o.witness as string) === 'model'))
    throw new Error(
      `[verify] "${check.claim}": the model's side is given as \`model\`, not as an observation`,
    );
  const agrees = (value: unknown) => isDeepStrictEqual(value, check.expected);
  const models = [check.model, ...(check.alsoModel ?? [])];
  if (models.some((m) => !(m instanceof Verdict)))
    throw new Error(`[verify] "${check.claim}": the model's side must be a verdict made by src/model`);
  const modelSide = (m: Verdict<T>) => ({
    value: m.value,
    agrees: agrees(m.value),
    detail: m.reason,
    decidedBy: m.decidedBy,
  });
  const observations: CheckRecord['observations'] = [
    { witness: 'model', ...modelSide(check.model) },
    ...(check.alsoModel ?? []).map((m) => ({ witness: `model:${m.decidedBy}`, ...modelSide(m) })),
    ...check.observations.map((o) => ({
      witness: o.witness,
      value: o.value,
      agrees: agrees(o.value),
      ...(o.detail === undefined ? {} : { detail: o.detail }),
    })),
  ];
  const rules = Array.isArray(check.rule) ? check.rule : [check.rule];
  const othersAgree = observations.every((o) => o.agrees || o.witness === 'samba');
  for (const o of observations.filter((x) => x.witness === 'samba' && !x.agrees && othersAgree)) {
    const allowed = sambaDifferenceFor(sambaDifferences, rules, check.claim, o.value);
    if (allowed) o.allowed = allowed.reason.trim();
  }
  return {
    rules,
    claim: check.claim,
    expected: check.expected,
    observations,
    verdict: observations.every((o) => o.agrees || o.allowed) ? 'agree' : 'disagree',
  };
}
