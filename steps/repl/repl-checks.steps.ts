import { Then } from '@cucumber/cucumber';
import {
  type IssuerListShape,
  issuerListShape,
  logsEvent36885,
  type Outcome,
  replicationBy16KbRule,
  replicationByDocumentedThreshold,
  replicaUpToDate,
  storeHoldsMoreThan,
} from '../../src/model/repl';
import { replicationByStores } from '../../src/model/repl-stores';
import type { HarnessWorld } from '../support/world';
import { edge, ruleOf } from './edge-context';

Then('replication {replicationOutcome}', async function (this: HarnessWorld, expected: Outcome) {
  await checkReplication(this, expected, 'documented');
});

Then('replication does what the documented rule predicts for this Edge', async function (this: HarnessWorld) {
  const ctx = await edge(this);
  await checkReplication(
    this,
    replicationByDocumentedThreshold(ctx.config(), ctx.rootCount).value,
    'setting',
  );
});

async function checkReplication(world: HarnessWorld, expected: Outcome, why: string): Promise<void> {
  const ctx = await edge(world);
  const attempt = ctx.attempt ?? (await ctx.replicate());
  // With more stores than Trusted Root in play, the notes' count of one store is no model: the store
  // that feeds the list decides (REPL-04).
  const documented = ctx.usesOtherStores()
    ? replicationByStores(ctx.config(), ctx.stores(), await ctx.listNameSizes())
    : replicationByDocumentedThreshold(ctx.config(), ctx.rootCount);
  const byBytes = replicationBy16KbRule(
    ctx.config(),
    await ctx.listNameSizes(),
    (await ctx.listNameSizes()).length - 1,
  );
  const status = await ctx.edgeStatus();
  await world.verify<Outcome>({
    rule: ruleOf(world),
    claim: `replication to a ${ctx.os} Edge with ${ctx.rootCount} trusted roots ${expected} (${why})`,
    expected,
    model: documented,
    alsoModel: [byBytes],
    observations: [
      {
        witness: 'front-end',
        value: attempt.status.UpToDate ? 'succeeds' : 'fails',
        detail: {
          status: attempt.status,
          failure: attempt.failure,
          selection: attempt.selection,
          listed: attempt.probe.names.length,
          bytes: attempt.probe.bytes,
        },
      },
      {
        witness: 'edge',
        value: status.replica?.version === ctx.currentVersion() ? 'succeeds' : 'fails',
        detail: { replica: status.replica, issuerList: status.issuerList, stores: status.stores },
      },
    ],
  });
}

Then('the Edge sends {listShape}', async function (this: HarnessWorld, expected: IssuerListShape) {
  const ctx = await edge(this);
  const model = issuerListShape(ctx.config(), await ctx.nameSizes());
  const probe = (ctx.attempt ?? (await ctx.replicate())).probe;
  // Against the Trusted Root store the scenario installed: more names than it holds came from elsewhere.
  const wire =
    probe.names.length === 0
      ? 'no issuer list'
      : probe.names.length < ctx.rootCount
        ? 'an issuer list cut at 16 KB'
        : probe.names.length === ctx.rootCount
          ? 'every root'
          : `${probe.names.length} names, more than the ${ctx.rootCount} trusted roots`;
  await this.verify<string>({
    rule: ruleOf(this),
    claim: `the Edge's CertificateRequest carries ${expected}`,
    expected,
    model,
    observations: [
      {
        witness: 'tls',
        value: wire,
        detail: { names: probe.names.length, bytes: probe.bytes, limit: probe.limitStatus },
      },
    ],
  });
});

Then('Schannel logs event 36885 on the Edge', async function (this: HarnessWorld) {
  const ctx = await edge(this);
  const model = logsEvent36885(ctx.config(), await ctx.nameSizes());
  const logged = (await ctx.edgeStatus()).events.filter((e) => e.id === 36885);
  await this.verify<boolean>({
    rule: ruleOf(this),
    claim: 'the list grew past 16 KB and Schannel logged event 36885',
    expected: true,
    model,
    observations: [{ witness: 'edge', value: logged.length > 0, detail: logged.slice(-1) }],
  });
});

Then(
  'the trusted root store holds more than {int} certificates',
  async function (this: HarnessWorld, floor: number) {
    const ctx = await edge(this);
    const status = await ctx.edgeStatus();
    await this.verify<boolean>({
      rule: ruleOf(this),
      claim: `the Edge's Root store holds more than ${floor} certificates`,
      expected: true,
      model: storeHoldsMoreThan(ctx.rootCount, floor),
      observations: [{ witness: 'edge', value: status.store.count > floor, detail: status.store }],
    });
  },
);

Then(
  'Get-CsManagementStoreReplicationStatus shows the Edge with UpToDate {word}',
  async function (this: HarnessWorld, value: string) {
    const ctx = await edge(this);
    const attempt = ctx.attempt ?? (await ctx.replicate());
    const model = replicationBy16KbRule(ctx.config(), await ctx.nameSizes(), ctx.rootCount - 1);
    const expected = value === 'True';
    await this.verify<boolean>({
      rule: ruleOf(this),
      claim: `the replica status of the Edge says UpToDate=${value}`,
      expected,
      model: replicaUpToDate(model),
      observations: [{ witness: 'front-end', value: attempt.status.UpToDate, detail: attempt.status }],
    });
  },
);
