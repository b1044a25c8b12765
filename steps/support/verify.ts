import { AssertionError } from 'node:assert';
import { inspect, isDeepStrictEqual } from 'node:util';

/** What one witness saw. `model` is the reference model; every other witness observed a mock over the wire. */
export interface Observation<T> {
  witness: string;
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
  observations: Observation<T>[];
}

export interface CheckRecord {
  rules: string[];
  claim: string;
  expected: unknown;
  observations: Array<{ witness: string; value: unknown; agrees: boolean; detail?: unknown }>;
  verdict: 'agree' | 'disagree';
}

export const CHECK_MEDIA_TYPE = 'application/vnd.lync-harness.check+json';

/** A rule that does not hold, or witnesses that disagree: carries the rule and every witness's value. */
export class RuleViolation extends AssertionError {
  readonly record: CheckRecord;

  constructor(record: CheckRecord) {
    const lines = record.observations.map(
      (o) => `  ${o.agrees ? '✔' : '✘'} ${o.witness}: ${inspect(o.value, { depth: 4, breakLength: 120 })}`,
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

/**
 * Checks an expectation against every witness. The model must always be one of them; any witness
 * whose value differs from the expectation fails the check, so a model/mock disagreement fails too.
 */
export function evaluateCheck<T>(check: Check<T>): CheckRecord {
  if (!check.observations.some((o) => o.witness === 'model')) {
    throw new Error(`[verify] "${check.claim}": the reference model must be one of the witnesses`);
  }
  const observations = check.observations.map((o) => ({
    witness: o.witness,
    value: o.value,
    agrees: isDeepStrictEqual(o.value, check.expected),
    ...(o.detail === undefined ? {} : { detail: o.detail }),
  }));
  return {
    rules: Array.isArray(check.rule) ? check.rule : [check.rule],
    claim: check.claim,
    expected: check.expected,
    observations,
    verdict: observations.every((o) => o.agrees) ? 'agree' : 'disagree',
  };
}
