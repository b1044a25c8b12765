import { Given, When } from '@cucumber/cucumber';
import { type EdgeOs, storeAfterRootUpdate } from '../../src/model/repl';
import type { HarnessWorld } from '../support/world';
import type { CaStore } from './edge-context';
import { edge } from './edge-context';

function registrySetting(world: HarnessWorld): number | undefined {
  const value = world.setting('sendTrustedIssuerList', 'unset');
  if (value === 'unset') return undefined;
  if (value !== '0' && value !== '1')
    throw new Error(`[repl] the setting sendTrustedIssuerList must be unset, 0 or 1, got "${value}"`);
  return Number(value);
}

Given(
  'an Edge on {windows} whose trusted root store holds {int} certificates',
  async function (this: HarnessWorld, os: EdgeOs, roots: number) {
    await (await edge(this)).install(os, roots);
  },
);

Given(
  'an Edge on {windows} with SendTrustedIssuerList {word} whose trusted root store holds {int} certificates',
  async function (this: HarnessWorld, os: EdgeOs, value: string, roots: number) {
    await (await edge(this)).install(os, roots, value === 'unset' ? undefined : Number(value));
  },
);

Given(
  "the run's Edge, whose trusted root store holds {int} certificates",
  async function (this: HarnessWorld, roots: number) {
    const os = this.setting('edgeOs', 'windows2008r2') as EdgeOs;
    if (os !== 'windows2008r2' && os !== 'windows2012')
      throw new Error(`[repl] the setting edgeOs must be windows2008r2 or windows2012, got "${os}"`);
    await (await edge(this)).install(os, roots, registrySetting(this));
  },
);

When(
  'the Front End replicates the Central Management Store to the Edge',
  async function (this: HarnessWorld) {
    await (await edge(this)).replicate();
  },
);

When(
  'an administrator sets SendTrustedIssuerList to {int} on the Edge',
  async function (this: HarnessWorld, value: number) {
    await (await edge(this)).writeRegistry(value);
  },
);

When('the Edge restarts', async function (this: HarnessWorld) {
  await (await edge(this)).restart();
});

When(
  "an administrator deletes unneeded roots until the Edge's store holds {int} certificates",
  async function (this: HarnessWorld, roots: number) {
    await (await edge(this)).changeStore(roots);
  },
);

Given(
  "the Edge's {caStore} store holds {int} certificates",
  async function (this: HarnessWorld, store: CaStore, count: number) {
    await (await edge(this)).fillStore(store, count);
  },
);

When(
  "an administrator deletes unneeded certificates until the Edge's {caStore} store holds {int}",
  async function (this: HarnessWorld, store: CaStore, count: number) {
    await (await edge(this)).fillStore(store, count);
  },
);

When('the December 2012 root update KB931125 is installed on the Edge', async function (this: HarnessWorld) {
  const ctx = await edge(this);
  await ctx.changeStore(storeAfterRootUpdate(ctx.rootCount).value);
});
