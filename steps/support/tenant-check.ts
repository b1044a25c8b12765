import { isDeepStrictEqual } from 'node:util';
import { byObject } from '../../src/model/by-object';
import type { Verdict } from '../../src/model/verdict';
import type { WireSample } from '../../src/run/run-config';
import type { Finding } from './findings';
import type { Check, WireWitness } from './verify';
import { samplePositions } from './wire-sample';

/**
 * How long a tenant-check step may take: it may be its worker's first use of the tenant's services,
 * which it then starts and seeds (a 100,000-object tenant takes minutes on two busy cores).
 */
export const TENANT_STEP_TIMEOUT_MS = 10 * 60_000;

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

/** A wire witness of a tenant check, asked about the run's sample of the objects. */
export interface TenantWire<O, V> {
  witness: WireWitness;
  /** Called once with the sampled objects before any `observe` (to read just those, in one go). */
  prepare?(sampled: Array<TenantObject<O>>): Promise<void>;
  /** What the witness saw for the object, in the model's terms (undefined: the object was not seen). */
  observe(object: TenantObject<O>): Promise<V | undefined>;
  detail?: Record<string, unknown>;
}

/**
 * A rule over every object of the tenant: the model decides each object (a src/model function), and
 * each wire witness (the mock DC, and Samba's AD DC beside it with `--ldap samba`) is asked about the
 * run's sample of them (`--wire-sample`, spread over the list).
 */
export interface TenantCheckSpec<O, V> {
  /** The rule the findings are filed under; `rules` are those the check proves. */
  rule: string;
  rules?: string[];
  claim: string;
  objects: Array<TenantObject<O>>;
  decide(item: O): Verdict<V>;
  finding(verdict: Verdict<V>, object: TenantObject<O>): FindingOutcome | FindingOutcome[] | undefined;
  wire?: TenantWire<O, V> | Array<TenantWire<O, V>>;
}

export interface TenantCheckResult {
  rule: string;
  /** How many objects each witness checked: the model all of them, a mock its sample. */
  checkedBy: Record<string, number>;
}

/**
 * Runs a tenant check: the model's verdict on every object, each wire witness on the sample, the
 * disagreement lists. Each finding goes to `record` as it is decided (nothing holds them all).
 * Returns the check to verify and the counts to report.
 */
export async function runTenantCheck<O, V>(
  spec: TenantCheckSpec<O, V>,
  sampleSize: WireSample,
  record: (finding: Finding) => void,
): Promise<{ check?: Check<Array<[string, V | undefined]>>; result: TenantCheckResult }> {
  const wires = spec.wire === undefined ? [] : Array.isArray(spec.wire) ? spec.wire : [spec.wire];
  const positions = wires.length ? samplePositions(spec.objects.length, sampleSize) : [];
  const inSample = new Set(positions);
  const sample = positions.length;
  for (const wire of wires) await wire.prepare?.(positions.map((i) => spec.objects[i]));
  const sampled: Array<[string, Verdict<V>]> = [];
  const seen = wires.map(() => [] as Array<[string, V | undefined]>);
  const disagreements = wires.map(() => [] as string[]);
  for (const [i, object] of spec.objects.entries()) {
    const model = spec.decide(object.item);
    const witnesses = ['model'];
    if (inSample.has(i)) sampled.push([object.dn, model]);
    for (const [w, wire] of wires.entries()) {
      if (!inSample.has(i)) continue;
      const observed = await wire.observe(object);
      seen[w].push([object.dn, observed]);
      if (isDeepStrictEqual(observed, model.value)) witnesses.push(wire.witness);
      else
        disagreements[w].push(
          `${object.dn}: model ${JSON.stringify(model.value)}, ${wire.witness} ${JSON.stringify(observed) ?? 'not seen'}`,
        );
    }
    const outcome = spec.finding(model, object) ?? [];
    for (const row of Array.isArray(outcome) ? outcome : [outcome])
      record({
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
  for (const wire of wires) checkedBy[wire.witness] = sample;
  const result = { rule: spec.rule, checkedBy };
  if (!wires.length) return { result };
  const model = byObject(sampled, spec.rules ?? [spec.rule]);
  return {
    result,
    check: {
      rule: spec.rules ?? spec.rule,
      claim: spec.claim,
      expected: model.value,
      model,
      observations: wires.map((wire, w) => ({
        witness: wire.witness,
        value: seen[w],
        detail: {
          ...wire.detail,
          sampled: sample,
          sampleSize,
          objects: spec.objects.length,
          disagreements: disagreements[w].length,
          first: disagreements[w].slice(0, 20),
        },
      })),
    },
  };
}
