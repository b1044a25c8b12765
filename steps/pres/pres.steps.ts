import { Given, Then, When } from '@cucumber/cucumber';
import { LyncOnlineClient } from '../../src/clients/tls/presence-client';
import type { SeededLyncOnline } from '../../src/harness/data-space';
import type { LyncOnlinePerson } from '../../src/harness/lync-online-seed';
import { LyncOnlineAdmin } from '../../src/harness/service-admin';
import {
  type Client,
  FOLLOWERS_REACHED,
  imButton,
  imDelivered,
  pinContact,
  presenceForNewContact,
  presenceShown,
} from '../../src/model/pres';
import { activeSubscriptions, directorySearchFinds } from '../../src/model/pres-tenant';
import type { Verdict } from '../../src/model/verdict';
import type { HarnessWorld } from '../support/world';
import { colleagues, facts, named as namedIn } from './pres-people';

interface PresContext {
  client?: LyncOnlineClient;
  /** The fixtures' Lync Online directory (the same people the mock was seeded with). */
  people: LyncOnlinePerson[];
  /** The model's count of pinned contacts and active subscriptions, mirrored from what the steps did. */
  pinned: number;
  subscriptions: number;
  followers: Record<string, number>;
  lastPin?: { added: boolean; message?: string; model: Verdict<boolean> };
  found?: string[];
  /** The model's presence for each contact pinned in the scenario, decided when it was pinned. */
  modelPresence: Map<string, ReturnType<typeof presenceForNewContact>>;
}
const ctx = (w: HarnessWorld) =>
  w.area<PresContext>('pres', () => ({
    people: [],
    pinned: 0,
    subscriptions: 0,
    followers: {},
    modelPresence: new Map(),
  }));

async function lyncOnline(world: HarnessWorld): Promise<SeededLyncOnline> {
  const seeded = await world.fixtures.lyncOnline();
  ctx(world).people = seeded.people;
  return seeded;
}

const named = (world: HarnessWorld, name: string) => namedIn(ctx(world).people, name);

async function signIn(world: HarnessWorld, name: string): Promise<LyncOnlineClient> {
  const { service } = await lyncOnline(world);
  const client = new LyncOnlineClient(service.urls.http, named(world, name).sip!);
  ctx(world).client = client;
  return client;
}
const client = (w: HarnessWorld) => {
  const c = ctx(w).client;
  if (!c)
    throw new Error('[pres] nobody is signed in: start with "Given <name> is signed in to Lync Online"');
  return c;
};

Given(
  '{int} people already follow the presence of {string}',
  async function (this: HarnessWorld, count: number, name: string) {
    const { service } = await lyncOnline(this);
    const sip = named(this, name).sip!;
    await new LyncOnlineAdmin(service.admin).setFollowers({ [sip]: count });
    ctx(this).followers[sip] = count;
  },
);

Given('{string} is signed in to Lync Online', async function (this: HarnessWorld, name: string) {
  await signIn(this, name);
});

Given('she has pinned {int} contacts', async function (this: HarnessWorld, count: number) {
  for (const colleague of colleagues(ctx(this).people).slice(0, count))
    await client(this).addContact(colleague.sip!);
  const c = ctx(this);
  c.pinned = count;
  c.subscriptions = activeSubscriptions(count).value;
});

When('she pins {string} to her contact list', async function (this: HarnessWorld, name: string) {
  const c = ctx(this);
  const person = named(this, name);
  const model = pinContact(c.pinned);
  const followers = c.followers[person.sip!] ?? 0;
  const result = await client(this).addContact(person.sip!);
  c.lastPin = {
    added: result.added,
    message: result.message,
    model,
  };
  if (model.value) {
    c.pinned++;
    const presence = presenceForNewContact(c.subscriptions, followers, presenceShown(facts(person)).value);
    c.modelPresence.set(person.sip!, presence);
    if (presence.value !== FOLLOWERS_REACHED) c.subscriptions++;
  }
});

Then('the contact is added', async function (this: HarnessWorld) {
  await checkPinned(this, true);
});

Then('the contact list refuses it as full', async function (this: HarnessWorld) {
  await checkPinned(this, false);
});

async function checkPinned(world: HarnessWorld, expected: boolean): Promise<void> {
  const pin = ctx(world).lastPin;
  if (!pin) throw new Error('[pres] nothing was pinned');
  await world.verify<boolean>({
    rule: world.scenario.tags.includes('@PRES-03') ? 'PRES-03' : 'PRES-02',
    claim: expected ? 'the contact is added to the list' : 'the list is full and refuses the contact',
    expected,
    model: pin.model,
    observations: [
      {
        witness: 'lync-online',
        value: pin.added,
        detail: pin.message ?? `${await client(world).contactCount()} contacts pinned`,
      },
    ],
  });
}

Then(
  'she sees the presence of {string} as {string}',
  async function (this: HarnessWorld, name: string, expected: string) {
    const c = ctx(this);
    const person = named(this, name);
    const shown = await client(this).viewPresence(person.sip!);
    const model = c.modelPresence.get(person.sip!) ?? presenceShown(facts(person));
    await this.verify<string>({
      rule: this.scenario.tags.find((t) => /^@PRES-0[34]$/.test(t))?.slice(1) ?? 'PRES-03',
      claim: `viewing ${name}'s presence shows "${expected}"`,
      expected,
      model,
      observations: [{ witness: 'lync-online', value: shown.shown, detail: shown }],
    });
  },
);

Then('her instant message to {string} is delivered', async function (this: HarnessWorld, name: string) {
  const person = named(this, name);
  const model = imDelivered(facts(person));
  const delivered = await client(this).sendIm(person.sip!, 'Hello from Lync Online');
  await this.verify<boolean>({
    rule: 'PRES-03',
    claim: `an instant message to ${name} is delivered`,
    expected: true,
    model,
    observations: [{ witness: 'lync-online', value: delivered }],
  });
});

When('she searches the directory for {string}', async function (this: HarnessWorld, query: string) {
  ctx(this).found = (await client(this).search(query)).map((p) => p.name);
});

Then('{string} is found', async function (this: HarnessWorld, name: string) {
  const found = ctx(this).found ?? [];
  await this.verify<boolean>({
    rule: 'PRES-04',
    claim: `the search finds ${name}`,
    expected: true,
    model: directorySearchFinds(named(this, name)),
    observations: [{ witness: 'lync-online', value: found.includes(name), detail: found }],
  });
});

Then(
  '{mailClient} {word} the IM button for an email from {string}',
  async function (this: HarnessWorld, mailClient: Client, verb: string, name: string) {
    if (verb !== 'shows' && verb !== 'hides')
      throw new Error(`[pres] expected "shows" or "hides", got "${verb}"`);
    const person = named(this, name);
    const model = imButton(mailClient, facts(person));
    const c = client(this);
    const seen =
      mailClient === 'owa' ? await c.owaImButton(person.mail) : await c.outlookImButton(person.mail);
    await this.verify<boolean>({
      rule: 'PRES-01',
      claim: `${mailClient === 'owa' ? 'Outlook Web App' : 'full Outlook'} ${verb} the IM button for ${name} (${person.kind === 'user' ? 'a Lync Online user' : 'an external contact'})`,
      expected: verb === 'shows',
      model,
      observations: [{ witness: `client:${mailClient === 'owa' ? 'owa' : 'outlook'}`, value: seen }],
    });
  },
);
