import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Given, Then } from '@cucumber/cucumber';
import {
  credentialPrompt,
  downloadsLyncAddressBook,
  ewsConnects,
  typedSipAddressReaches,
} from '../../src/model/srch';
import { clientContext } from '../exchange/client-context';
import { exchangeContext } from '../exchange/exchange-context';
import type { HarnessWorld } from '../support/world';

async function scenarioJournal(w: HarnessWorld, operation?: string) {
  return exchangeContext(w).exchange.admin.journal({ operation, correlationId: w.scenario.id });
}

Then(
  /^Lync (does not ask|asks) "([^"]*)" for credentials$/,
  async function (this: HarnessWorld, verb: string, _name: string) {
    const s = clientContext(this);
    const prompt = credentialPrompt(s.setup);
    const login = s.client.user.signInAddress.toLowerCase();
    const refused = (await scenarioJournal(this)).filter(
      (e) => e.outcome.status === 401 && String(e.request.login).toLowerCase() === login,
    );
    await this.verify({
      rule: 'SRCH-06',
      claim: `signing in to Exchange as ${login} ${verb === 'asks' ? 'fails with a credential prompt' : 'needs no prompt'}`,
      expected: verb === 'asks',
      model: prompt,
      observations: [
        {
          witness: `client:${s.setup.client}`,
          value: s.outcome!.credentialPrompts > 0,
          detail: s.outcome!.sources,
        },
        { witness: 'exchange', value: refused.length > 0, detail: refused.slice(0, 3) },
      ],
    });
  },
);

Given(
  /^the Autodiscover record of Pat Kim's domain (is missing|points at a server that does not answer)$/,
  async function (this: HarnessWorld, how: string) {
    const s = clientContext(this);
    const domain = s.client.user.signInAddress.split('@')[1].toLowerCase();
    if (how === 'is missing') {
      delete s.ctx.records[domain];
      s.setup.autodiscover = 'missing';
    } else {
      s.ctx.records[domain] = `http://127.0.0.1:${await closedPort()}/autodiscover/autodiscover.xml`;
      s.setup.autodiscover = 'elsewhere';
    }
  },
);

/** A loopback port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

Then(/^Lync makes (its|no) EWS look-up$/, async function (this: HarnessWorld, which: string) {
  const s = clientContext(this);
  const ews = ewsConnects(s.setup);
  const lookups = await scenarioJournal(this, 'ews.ResolveNames');
  const status = s.outcome!.sources.ews;
  await this.verify({
    rule: 'SRCH-07',
    claim: `the client ${which === 'its' ? 'makes' : 'makes no'} EWS look-up`,
    expected: which === 'its',
    model: ews,
    observations: [
      {
        witness: `client:${s.setup.client}`,
        value: !['no-record', 'unreachable'].includes(status),
        detail: s.outcome!.sources,
      },
      { witness: 'exchange', value: lookups.length > 0, detail: lookups.slice(0, 3) },
    ],
  });
});

Then('Lync downloads no Lync address book', async function (this: HarnessWorld) {
  const model = downloadsLyncAddressBook('online');
  const journal = await scenarioJournal(this);
  const addressBook = journal.filter((e) => e.operation.startsWith('oab.') || e.unmatched);
  await this.verify({
    rule: 'SRCH-08',
    claim: 'a Lync Online client downloads no Lync address book',
    expected: false,
    model,
    observations: [
      {
        witness: 'exchange',
        value: addressBook.length > 0,
        detail: { operations: journal.map((e) => e.operation), addressBookRequests: addressBook },
      },
    ],
  });
});

Then('Lync can start an IM with {string}', async function (this: HarnessWorld, address: string) {
  const s = clientContext(this);
  const model = typedSipAddressReaches(s.outcome!.query);
  await this.verify({
    rule: 'SRCH-09',
    claim: `typing ${s.outcome!.query} starts an IM with ${address}`,
    expected: address as string | undefined,
    model,
    observations: [{ witness: `client:${s.setup.client}`, value: s.outcome!.imTarget, detail: s.outcome }],
  });
});
