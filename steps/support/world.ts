import { basename } from 'node:path';
import { type IWorldOptions, setWorldConstructor, World } from '@cucumber/cucumber';
import { loadSambaDifferences, type SambaDifference } from '../../src/catalog/samba-differences';
import type { DataSpace } from '../../src/harness/data-space';
import type { Environment } from '../../src/harness/environment';
import type { ServiceSet } from '../../src/harness/service-set';
import { FindingsEvidenceWriter } from '../../src/run/findings-evidence';
import type { RunConfig } from '../../src/run/run-config';
import type { Tenant } from '../../src/tenant/tenant';
import { FINDINGS_MEDIA_TYPE, type FindingsSummary } from './findings';
import { runtime } from './runtime';
import { runTenantCheck, type TenantCheckResult, type TenantCheckSpec } from './tenant-check';
import { CHECK_MEDIA_TYPE, type Check, evaluateCheck, RuleViolation } from './verify';

/**
 * The World of every scenario: the run's configuration, the environment (the fixtures' space for the
 * rule examples, the tenant's space for the tenant checks), and per-area state
 * (`area('oab', () => new OabContext())`). Steps stay thin and call the verbs here or on their area's context.
 */
export class HarnessWorld extends World {
  scenario = { id: '', name: '', tags: [] as string[] };
  private readonly areas = new Map<string, unknown>();
  /** A tenant check's: the tenant's services its stage reads (tenant-check-order.json); it may use no other. */
  stageServices?: Set<string>;
  /** Witnesses that checked something in this scenario, for the evidence. */
  readonly witnessesUsed = new Set<string>();
  private readonly tenantChecks = new Map<
    string,
    { writer: FindingsEvidenceWriter; checkedBy: Record<string, number> }
  >();

  constructor(options: IWorldOptions) {
    super(options);
  }

  get config(): RunConfig {
    return runtime().config;
  }

  get env(): Environment {
    return runtime().env();
  }

  /** The rule examples' data and services: the notes' people, whatever tenant the user loaded. */
  get fixtures(): DataSpace {
    return this.env.fixtures;
  }

  /** The user's tenant and the services seeded from it: what the tenant checks judge. */
  get tenantSpace(): DataSpace {
    return this.env.tenant;
  }

  /** The user's tenant data (the model's side of the tenant checks). */
  get tenant(): Tenant {
    return this.env.tenant.data;
  }

  get services(): ServiceSet {
    return this.env.services;
  }

  /** Settings this scenario read, as it used them: attached for the report (per rule: the settings it ran under). */
  readonly settingsUsed = new Map<string, { value: string; isDefault: boolean }>();

  /** The value of a catalog setting for this run (e.g. `oabProfile`), or the given default; recorded as used. */
  setting(name: string, fallback: string): string {
    const given = this.config.settings[name];
    this.settingsUsed.set(name, { value: given ?? fallback, isDefault: given === undefined });
    return given ?? fallback;
  }

  /** The run's GALSync flow file (--galsync, or the shipped out-of-the-box flow), recorded as used. */
  galsyncFlowFile(fallback: string): string {
    const given = this.config.galsyncFlow;
    this.settingsUsed.set('galsyncFlow', {
      value: basename(given ?? fallback),
      isDefault: given === undefined,
    });
    return given ?? fallback;
  }

  /** Per-scenario state of one rule area, created on first use. */
  area<T>(key: string, create: () => T): T {
    if (!this.areas.has(key)) this.areas.set(key, create());
    return this.areas.get(key) as T;
  }

  /** Checks an expectation against every witness; attaches the record; throws RuleViolation on any disagreement. */
  async verify<T>(check: Check<T>): Promise<void> {
    const record = evaluateCheck(check, sambaDifferences());
    for (const o of record.observations) this.witnessesUsed.add(o.witness);
    await this.attach(JSON.stringify(record), CHECK_MEDIA_TYPE);
    if (record.verdict === 'disagree') throw new RuleViolation(record);
  }

  /**
   * The one verb of the tenant checks: the model decides every object, a wire witness checks its sample,
   * any disagreement fails the scenario; the findings go to the rule's evidence file as they are
   * decided, reported by `reportTenantCheck(rule)`.
   */
  async checkTenant<O, V>(spec: TenantCheckSpec<O, V>): Promise<TenantCheckResult> {
    let kept = this.tenantChecks.get(spec.rule);
    if (!kept) {
      kept = { writer: new FindingsEvidenceWriter(this.config.outDir), checkedBy: {} };
      this.tenantChecks.set(spec.rule, kept);
    }
    const writer = kept.writer;
    const { check, result } = await runTenantCheck(spec, this.config.wireSample, (f) => writer.write(f));
    for (const [w, n] of Object.entries(result.checkedBy)) kept.checkedBy[w] = (kept.checkedBy[w] ?? 0) + n;
    if (check) await this.verify(check);
    return result;
  }

  /** Attaches what the tenant checks of `rule` found (nothing checked: an empty summary, said so). */
  async reportTenantCheck(rule: string): Promise<FindingsSummary> {
    const kept = this.tenantChecks.get(rule) ?? {
      writer: new FindingsEvidenceWriter(this.config.outDir),
      checkedBy: { model: 0 },
    };
    this.tenantChecks.delete(rule);
    const { writer, checkedBy } = kept;
    const evidence = writer.close();
    const summary: FindingsSummary = {
      rule,
      scenario: this.scenario.name,
      objectsChecked: checkedBy.model ?? 0,
      checkedBy,
      holds: writer.holds,
      findings: writer.findings,
      blocking: writer.blocking,
      evidence,
      sample: writer.sample,
    };
    await this.attach(JSON.stringify(summary), FINDINGS_MEDIA_TYPE);
    return summary;
  }

  /** After the scenario: the evidence files of checks that never reported (the scenario failed first). */
  discardUnreportedChecks(): void {
    for (const { writer } of this.tenantChecks.values()) writer.discard();
    this.tenantChecks.clear();
  }
}

let differences: SambaDifference[] | undefined;

/** The written allow-list of where Samba's AD DC is not AD, read once per worker. */
function sambaDifferences(): SambaDifference[] {
  differences ??= loadSambaDifferences();
  return differences;
}

setWorldConstructor(HarnessWorld);
