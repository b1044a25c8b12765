import { basename } from 'node:path';
import { type IWorldOptions, setWorldConstructor, World } from '@cucumber/cucumber';
import { loadSambaDifferences, type SambaDifference } from '../../src/catalog/samba-differences';
import type { DataSpace } from '../../src/harness/data-space';
import type { Environment } from '../../src/harness/environment';
import type { ServiceSet } from '../../src/harness/service-set';
import { storeEvidence } from '../../src/run/evidence';
import type { RunConfig } from '../../src/run/run-config';
import type { Tenant } from '../../src/tenant/tenant';
import { FINDINGS_MEDIA_TYPE, type Finding, type FindingsSummary } from './findings';
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
  /** Witnesses that checked something in this scenario, for the evidence. */
  readonly witnessesUsed = new Set<string>();
  private readonly tenantChecks = new Map<string, TenantCheckResult>();

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
   * any disagreement fails the scenario; the findings are kept for `reportTenantCheck(rule)`.
   */
  async checkTenant<O, V>(spec: TenantCheckSpec<O, V>): Promise<TenantCheckResult> {
    const { check, result } = await runTenantCheck(spec, this.config.wireSample);
    if (check) await this.verify(check);
    const kept = this.tenantChecks.get(spec.rule);
    if (!kept) this.tenantChecks.set(spec.rule, result);
    else {
      kept.findings.push(...result.findings);
      for (const [w, n] of Object.entries(result.checkedBy)) kept.checkedBy[w] = (kept.checkedBy[w] ?? 0) + n;
    }
    return result;
  }

  /** Attaches what the tenant checks of `rule` found (nothing checked: an empty summary, said so). */
  async reportTenantCheck(rule: string): Promise<FindingsSummary> {
    const kept = this.tenantChecks.get(rule) ?? { rule, findings: [], checkedBy: { model: 0 } };
    return this.reportFindings(rule, kept.findings, kept.checkedBy.model, kept.checkedBy);
  }

  /** Records one rule's per-object outcomes over the tenant: a file of all, a summary in the messages. */
  async reportFindings(
    rule: string,
    findings: Finding[],
    objectsChecked = findings.length,
    checkedBy: Record<string, number> = { model: objectsChecked },
  ): Promise<FindingsSummary> {
    const evidence = storeEvidence(this.config.outDir, JSON.stringify(findings));
    const flagged = findings.filter((f) => f.outcome === 'finding');
    const summary: FindingsSummary = {
      rule,
      scenario: this.scenario.name,
      objectsChecked,
      checkedBy,
      holds: findings.length - flagged.length,
      findings: flagged.length,
      blocking: flagged.filter((f) => f.severity === 'blocking').length,
      evidence,
      sample: flagged.slice(0, 20),
    };
    await this.attach(JSON.stringify(summary), FINDINGS_MEDIA_TYPE);
    return summary;
  }
}

let differences: SambaDifference[] | undefined;

/** The written allow-list of where Samba's AD DC is not AD, read once per worker. */
function sambaDifferences(): SambaDifference[] {
  differences ??= loadSambaDifferences();
  return differences;
}

setWorldConstructor(HarnessWorld);
