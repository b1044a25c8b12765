import { After, AfterAll, AfterStep, Before, BeforeAll, setDefaultTimeout } from '@cucumber/cucumber';
import { SETTINGS_MEDIA_TYPE } from '../../src/report/settings-used';
import { endRuntime, runtime } from './runtime';
import { applySelftestFault } from './selftest-hook';
import { TENANT_STEP_TIMEOUT_MS } from './tenant-check';
import { enterStage, tenantReads } from './tenant-check-stages';
import { testHooks } from './test-hooks';
import type { HarnessWorld } from './world';

export const JOURNAL_MEDIA_TYPE = 'application/vnd.lync-harness.journal+json';

setDefaultTimeout(60_000);

/** The tenant is read (or generated) before the first scenario, so no rule example pays for its size. */
BeforeAll({ timeout: TENANT_STEP_TIMEOUT_MS }, () => {
  runtime().env();
});

/** A tenant check may be its stage's first: it then starts and seeds what the stage reads. */
Before({ timeout: TENANT_STEP_TIMEOUT_MS }, async function (this: HarnessWorld, { pickle }) {
  this.scenario = { id: pickle.id, name: pickle.name, tags: pickle.tags.map((t) => t.name) };
  const tenantCheck = this.scenario.tags.includes('@tenant-check');
  // A tenant check keeps only what it and the later stages read (steps/support/tenant-check-order.json).
  const reads = tenantCheck ? tenantReads(this.scenario.tags) : undefined;
  enterStage(reads?.stage);
  this.stageServices = reads && this.tenantSpace.servicesFor(reads.own);
  await this.env.reset(pickle.id, { tenantCheck, needed: reads?.fromHere });
  if (reads) await this.tenantSpace.prepare(reads.own);
  await testHooks(this);
  await applySelftestFault(this);
});

/** lync-harness selftest: the fault again after each step, so a step that configures a mock does not undo it. */
AfterStep(async function (this: HarnessWorld) {
  await applySelftestFault(this);
});

/**
 * Attaches each service's journal for this scenario; a request no handler matched fails the scenario,
 * and so does a service that died during it, named with its last log lines (the next scenario that
 * needs it gets a new one).
 */
After(async function (this: HarnessWorld) {
  this.discardUnreportedChecks();
  const unmatched: string[] = [];
  // Asked of every service the scenario used at once (each is a process of its own), in their order.
  const services = await this.services.used();
  const journals = await Promise.all(
    services.map((service) => service.admin.journal({ correlationId: this.scenario.id })),
  );
  for (const [i, service] of services.entries()) {
    const entries = journals[i];
    if (entries.length === 0) continue;
    await this.attach(
      JSON.stringify({ service: service.name, entries: entries.slice(0, 200), total: entries.length }),
      JOURNAL_MEDIA_TYPE,
    );
    for (const e of entries.filter((entry) => entry.unmatched))
      unmatched.push(`${service.name}: ${e.operation} ${JSON.stringify(e.request)}`);
  }
  await this.attach(
    JSON.stringify({ witnesses: [...this.witnessesUsed].sort() }),
    'application/vnd.lync-harness.witnesses+json',
  );
  if (this.settingsUsed.size)
    await this.attach(
      JSON.stringify({ settings: Object.fromEntries(this.settingsUsed) }),
      SETTINGS_MEDIA_TYPE,
    );
  const outsideStage = this.stageServices
    ? services.map((s) => s.name).filter((name) => !this.stageServices?.has(name))
    : [];
  const deaths = await this.services.takeDeaths();
  if (deaths.length) throw new Error(deaths.map((d) => d.message).join('\n'));
  if (unmatched.length && !this.scenario.tags.includes('@expects-unmatched')) {
    throw new Error(`[harness] requests no mock handler matched:\n  ${unmatched.join('\n  ')}`);
  }
  if (outsideStage.length)
    throw new Error(
      `[harness] this tenant check used ${outsideStage.join(', ')}, which its stage in steps/support/tenant-check-order.json does not read: a later stage may have stopped it already; name it there`,
    );
});

AfterAll(async () => {
  await endRuntime();
});
