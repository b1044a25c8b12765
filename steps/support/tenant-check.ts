import { isDeepStrictEqual } from 'node:util';
import { byObject } from '../../src/model/by-object';
import type { Verdict } from '../../src/model/verdict';
import type { WireSample } from '../../src/run/run-config';
import type { Finding } from './findings';
import type { Check, WireWitness } from './verify';
import { samplePositions } from './wire-sample';

/** One object a tenant check judges. */
export interface TenantObject<O> {
  dn: string;
  forest: string;
  item: O;
}

/** What a model verdict means for the object's row in the findings (undefined: no row). */
export interface FindingOutcome {
  /** The row's object when it is not the checked object (a group's members, say). */
  dn?: string;
  holds: boolean;
  severity?: Finding['severity'];
  message: string;
}

/**
 * A rule over every object of the tenant: the model decides each object (a src/model function), and a
 * wire witness is asked about the run's sample of them (`--wire-sample`, spread over the list).
 */
export interface TenantCheckSpec<O, V> {
  /** The rule the findings are filed under; `rules` are those the two-witness check proves. */
  rule: string;
  rules?: string[];
  claim: string;
  objects: Array<TenantObject<O>>;
  decide(item: O): Verdict<V>;
  finding(verdict: Verdict<V>, object: TenantObject<O>): FindingOutcome | FindingOutcome[] | undefined;
  wire?: {
    witness: WireWitness;
    /** Called once with the sampled objects before any `observe` (to read just those, in one go). */
    prepare?(sampled: Array<TenantObject<O>>): Promise<void>;
    /** What the witness saw for the object, in the model's terms (undefined: the object was not seen). */
    observe(object: TenantObject<O>): Promise<V | undefined>;
    detail?: Record<string, unknown>;
  };
}

export interface TenantCheckResult {
  rule: string;
  findings: Finding[];
  /** How many objects each witness checked: the model all of them, a mock its sample. */
  checkedBy: Record<string, number>;
}

/**
 * Runs a tenant check: the model's verdict on every object, the wire witness on its sample, the
 * disagreement list, the findings. Returns the two-witness check to verify and the findings to report.
 */
export async function runTenantCheck<O, V>(
  spec: TenantCheckSpec<O, V>,
  sampleSize: WireSample,
): Promise<{ check?: Check<Array<[string, V | undefined]>>; result: TenantCheckResult }> {
  const wire = spec.wire;
  const positions = wire ? samplePositions(spec.objects.length, sampleSize) : [];
  const inSample = new Set(positions);
  const sample = positions.length;
  if (wire?.prepare) await wire.prepare(positions.map((i) => spec.objects[i]));
  const sampled: Array<[string, Verdict<V>]> = [];
  const seen: Array<[string, V | undefined]> = [];
  const disagreements: string[] = [];
  const findings: Finding[] = [];
  for (const [i, object] of spec.objects.entries()) {
    const model = spec.decide(object.item);
    const witnesses = ['model'];
    if (wire && inSample.has(i)) {
      const observed = await wire.observe(object);
      sampled.push([object.dn, model]);
      seen.push([object.dn, observed]);
      if (isDeepStrictEqual(observed, model.value)) witnesses.push(wire.witness);
      else
        disagreements.push(
          `${object.dn}: model ${JSON.stringify(model.value)}, ${wire.witness} ${JSON.stringify(observed) ?? 'not seen'}`,
        );
    }
    const outcome = spec.finding(model, object) ?? [];
    for (const row of Array.isArray(outcome) ? outcome : [outcome])
      findings.push({
        rule: spec.rule,
        dn: row.dn ?? object.dn,
        forest: object.forest,
        outcome: row.holds ? 'holds' : 'finding',
        ...(row.holds ? {} : { severity: row.severity ?? 'blocking' }),
        message: row.message,
        witnesses,
      });
  }
  const checkedBy: Record<string, number> = { model: spec.objects.length };
  if (wire) checkedBy[wire.witness] = sample;
  const result = { rule: spec.rule, findings, checkedBy };
  if (!wire) return { result };
  const model = byObject(sampled, spec.rules ?? [spec.rule]);
  return {
    result,
    check: {
      rule: spec.rules ?? spec.rule,
      claim: spec.claim,
      expected: model.value,
      model,
      observations: [
        {
          witness: wire.witness,
          value: seen,
          detail: {
            ...wire.detail,
            sampled: sample,
            sampleSize,
            objects: spec.objects.length,
            disagreements: disagreements.length,
            first: disagreements.slice(0, 20),
          },
        },
      ],
    },
  };
}
