import { Then } from '@cucumber/cucumber';
import {
  issuerListFit,
  type Outcome,
  replicationBy16KbRule,
  replicationByDocumentedThreshold,
  sendsIssuerList,
} from '../../src/model/repl';
import type { HarnessWorld } from '../support/world';
import { edge, ruleOf } from './repl-world';
import './params';

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
  const documented = replicationByDocumentedThreshold(ctx.config(), ctx.rootCount);
  const byBytes = replicationBy16KbRule(ctx.config(), await ctx.nameSizes(), ctx.rootCount - 1);
  const status = await ctx.edgeStatus();
  await world.verify<Outcome>({
    rule: ruleOf(world),
    claim: `replication to a ${ctx.os} Edge with ${ctx.rootCount} trusted roots ${expected} (${why})`,
    expected,
    observations: [
      { witness: 'model', value: documented.value, detail: documented.reason },
      { witness: 'model-16kb', value: byBytes.value, detail: byBytes.reason },
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
        detail: { replica: status.replica, issuerList: status.issuerList },
      },
    ],
  });
}

type ListShape = 'no issuer list' | 'every root' | 'an issuer list cut at 16 KB';

Then('the Edge sends {listShape}', async function (this: HarnessWorld, expected: ListShape) {
  const ctx = await edge(this);
  const sizes = await ctx.nameSizes();
  const sends = sendsIssuerList(ctx.config());
  const fit = issuerListFit(sizes);
  const model: ListShape = !sends.value
    ? 'no issuer list'
    : fit.truncated
      ? 'an issuer list cut at 16 KB'
      : 'every root';
  const probe = (ctx.attempt ?? (await ctx.replicate())).probe;
  const wire: ListShape =
    probe.names.length === 0
      ? 'no issuer list'
      : probe.names.length < ctx.rootCount
        ? 'an issuer list cut at 16 KB'
        : 'every root';
  await this.verify<ListShape>({
    rule: ruleOf(this),
    claim: `the Edge's CertificateRequest carries ${expected}`,
    expected,
    observations: [
      {
        witness: 'model',
        value: model,
        detail: `${sends.reason}; ${fit.sent} of ${sizes.length} names fit in ${fit.bytes} bytes`,
      },
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
  const fit = issuerListFit(await ctx.nameSizes());
  const logged = (await ctx.edgeStatus()).events.filter((e) => e.id === 36885);
  await this.verify<boolean>({
    rule: ruleOf(this),
    claim: 'the list grew past 16 KB and Schannel logged event 36885',
    expected: true,
    observations: [
      { witness: 'model', value: fit.truncated && sendsIssuerList(ctx.config()).value, detail: fit },
      { witness: 'edge', value: logged.length > 0, detail: logged.slice(-1) },
    ],
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
      observations: [
        { witness: 'model', value: ctx.rootCount > floor, detail: `${ctx.rootCount} roots` },
        { witness: 'edge', value: status.store.count > floor, detail: status.store },
      ],
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
      observations: [
        { witness: 'model', value: model.value === 'succeeds', detail: model.reason },
        { witness: 'front-end', value: attempt.status.UpToDate, detail: attempt.status },
      ],
    });
  },
);
