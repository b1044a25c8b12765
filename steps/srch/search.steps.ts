import { rmSync } from 'node:fs';
import { After, Given, Then, When } from '@cucumber/cucumber';
import { outlookDownloadsOab } from '../../src/model/oab-timeline';
import { profileHoldsOab, resultsShow } from '../../src/model/srch';
import { CLIENT_NAMES, clientContext, readyClientContext } from '../exchange/client-context';
import { exchangeContext, SEED_TIMEOUT_MS } from '../exchange/exchange-context';
import type { HarnessWorld } from '../support/world';

Given(
  /^"([^"]*)" uses Lync (2010|2013) for Windows with Outlook (2010|2013) in (cached|online) mode$/,
  { timeout: SEED_TIMEOUT_MS },
  async function (
    this: HarnessWorld,
    name: string,
    lync: string,
    version: string,
    mode: 'cached' | 'online',
  ) {
    const s = await readyClientContext(this);
    const now = await s.ctx.now();
    const outlook = { version: Number(version) as 2010 | 2013, mode, at: now };
    s.use(s.ctx.person(name), 'lync-windows', outlook, Number(lync) as 2010 | 2013);
  },
);

/** The client matrix of this run: Lync and Outlook as the settings lyncVersion, outlookVersion and outlookMode say. */
Given(
  /^"([^"]*)" uses this run's Lync for Windows and Outlook$/,
  { timeout: SEED_TIMEOUT_MS },
  async function (this: HarnessWorld, name: string) {
    const s = await readyClientContext(this);
    const version = (setting: string) => {
      const value = this.setting(setting, '2013');
      if (value !== '2010' && value !== '2013')
        throw new Error(`[steps:srch] the setting ${setting} must be 2010 or 2013, got "${value}"`);
      return Number(value) as 2010 | 2013;
    };
    const mode = this.setting('outlookMode', 'cached');
    if (mode !== 'cached' && mode !== 'online')
      throw new Error(`[steps:srch] the setting outlookMode must be cached or online, got "${mode}"`);
    const outlook = { version: version('outlookVersion'), mode, at: await s.ctx.now() } as const;
    s.use(s.ctx.person(name), 'lync-windows', outlook, version('lyncVersion'));
  },
);

Then(
  /^the search finds "([^"]*)" exactly where the model says$/,
  async function (this: HarnessWorld, person: string) {
    const s = clientContext(this);
    const outcome = s.outcome!;
    const model = resultsShow(s.predict(outcome.query), person);
    await this.verify({
      rule: model.rules,
      claim: `Lync ${s.setup.lyncVersion} with Outlook ${s.setup.outlookVersion} in ${s.setup.outlookMode} mode searching "${outcome.query}" finds ${person} exactly when the model says`,
      expected: model.value,
      model,
      observations: [
        { witness: `client:${s.setup.client}`, value: outcome.names.includes(person), detail: outcome },
      ],
    });
  },
);

Given(
  /^"([^"]*)" uses (Lync for Mac|Lync for Mac 2011|Lync Mobile|OWA|Lync 2013 for Windows without Outlook)$/,
  { timeout: SEED_TIMEOUT_MS },
  async function (this: HarnessWorld, name: string, client: string) {
    const s = await readyClientContext(this);
    s.use(s.ctx.person(name), CLIENT_NAMES[client] ?? 'lync-windows');
  },
);

/**
 * In online mode too: a profile keeps the OAB it downloaded while it was cached (or by hand), so an
 * online-mode look-up that wrongly answered from it would be seen (SRCH-04).
 */
Given('Outlook has downloaded the Offline Address Book', async function (this: HarnessWorld) {
  const s = clientContext(this);
  if (!s.outlook) throw new Error('[steps:srch] this user has no Outlook');
  const check = await s.outlook.checkOab(await s.ctx.now());
  await this.verify({
    rule: 'SRCH-10',
    claim: 'Outlook downloads the Offline Address Book into the new profile',
    expected: true,
    model: outlookDownloadsOab(),
    observations: [{ witness: 'client:outlook', value: check.outcome === 'downloaded', detail: check }],
  });
  s.setup.oabDownloaded = true;
});

When('{string} searches for {string}', async function (this: HarnessWorld, name: string, query: string) {
  const s = clientContext(this);
  if (s.user.first('displayName') !== name)
    throw new Error(
      `[steps:srch] the client context is set up for ${s.user.first('displayName')}, not ${name}`,
    );
  await s.search(query);
});

Then(
  /^the search (finds|does not find) "([^"]*)"$/,
  async function (this: HarnessWorld, verb: string, person: string) {
    const s = clientContext(this);
    const outcome = s.outcome!;
    const model = resultsShow(s.predict(outcome.query), person);
    await this.verify({
      rule: model.rules,
      claim: `${s.setup.client} searching "${outcome.query}" ${verb} ${person}`,
      expected: verb === 'finds',
      model,
      observations: [
        { witness: `client:${s.setup.client}`, value: outcome.names.includes(person), detail: outcome },
      ],
    });
  },
);

Then(
  /^the Unified Contact Store answers the EWS look-up with (nobody|"[^"]*")$/,
  async function (this: HarnessWorld, who: string) {
    const s = clientContext(this);
    const entries = await exchangeContext(this).exchange.admin.journal({
      operation: 'ews.ResolveNames',
      correlationId: this.scenario.id,
    });
    const last = entries.at(-1);
    const expected = who === 'nobody' ? [] : [who.slice(1, -1)];
    const model = s.predictEws(s.outcome!.query);
    await this.verify({
      rule: 'SRCH-01',
      claim: 'EWS look-ups are answered from the Unified Contact Store (licensed Lync Online users only)',
      expected,
      model,
      observations: [
        { witness: 'exchange', value: (last?.outcome.found as string[] | undefined) ?? [], detail: last },
      ],
    });
  },
);

Then(
  /^Outlook's Offline Address Books folder holds (no \.oab file|\.oab files)$/,
  async function (this: HarnessWorld, what: string) {
    const s = clientContext(this);
    const files = s.outlook!.oabFiles();
    await this.verify({
      rule: 'SRCH-10',
      claim: 'the profile has an OAB only after its first download',
      expected: what !== 'no .oab file',
      model: profileHoldsOab(s.setup),
      observations: [{ witness: 'client:outlook', value: files.length > 0, detail: files }],
    });
  },
);

/** Outlook profile folders are per scenario: their .oab files and timestamps are already in the evidence. */
After(function (this: HarnessWorld) {
  for (const outlook of exchangeContext(this).outlooks.values())
    rmSync(outlook.options.profileDir, { recursive: true, force: true });
});
