import { Given, Then, When } from '@cucumber/cucumber';
import { withoutImport, withRule } from '../../src/clients/ldap/galsync-flow';
import { byObject } from '../../src/model/by-object';
import { flowCarriesSip, sipAddressFormat, targetAddressFormat } from '../../src/model/gal';
import {
  projectedAttribute,
  projectionExported,
  projectionOutcome,
  rejection,
} from '../../src/model/gal-tenant';
import type { Verdict } from '../../src/model/verdict';
import type { HarnessWorld } from '../support/world';
import {
  type GalRun,
  gal,
  namedFlow,
  perRun,
  runDirSyncInXyz,
  runGalSyncFor,
  splitNames,
} from './gal-context';

const SIP = 'msRTCSIP-PrimaryUserAddress';

When(
  'GALSync runs with the {word} flow for the ABC user(s) {string}',
  function (this: HarnessWorld, flow: string, names: string) {
    return runGalSyncFor(this, namedFlow(this, flow), splitNames(names));
  },
);

Given(
  'the documented flow is changed to write the SIP address from mail without the sip: prefix',
  function (this: HarnessWorld) {
    gal(this).flow = withRule(namedFlow(this, 'documented'), SIP, { template: '{mail}' });
  },
);

Given(
  'the documented flow is changed to write targetAddress from mail without the SMTP: prefix',
  function (this: HarnessWorld) {
    gal(this).flow = withRule(namedFlow(this, 'documented'), 'targetAddress', { from: 'mail' });
  },
);

Given('the documented flow is changed to leave out {word}', function (this: HarnessWorld, attribute: string) {
  if (!['mailNickname', 'targetAddress'].includes(attribute))
    throw new Error(`[gal] the examples leave out mailNickname or targetAddress, not "${attribute}"`);
  gal(this).flow = withRule(namedFlow(this, 'documented'), attribute, undefined);
});

Given(
  "GALSync's management agent for ABC does not import {word} into the metaverse",
  function (this: HarnessWorld, attribute: string) {
    gal(this).flow = withoutImport(namedFlow(this, 'documented'), attribute);
  },
);

When('DirSync runs in XYZ', function (this: HarnessWorld) {
  return runDirSyncInXyz(this);
});

Then('XYZ holds a contact for each of them in its GALSync OU', async function (this: HarnessWorld) {
  const people = gal(this).people;
  await this.verify({
    rule: 'GAL-01',
    claim: 'each ABC user has a contact in XYZ',
    expected: people.map((p) => [p.name, 'projected' as 'projected' | 'rejected']),
    model: byObject(people.map((p) => [p.name, projectionOutcome(p.projected)])),
    observations: perRun(
      gal(this),
      (run) => people.map((p, i) => [p.name, run.landed[i]?.isA('contact') ? 'projected' : 'rejected']),
      (run) => run.result,
    ),
  });
});

Then('none of their contacts in XYZ has a SIP address', async function (this: HarnessWorld) {
  await compareAttribute(this, 'GAL-02', 'the contacts carry no SIP address', SIP, () => undefined);
  await this.verify({
    rule: 'GAL-02',
    claim: 'the flow has no rule for msRTCSIP-PrimaryUserAddress',
    expected: false,
    model: flowCarriesSip(namedFlow(this, 'out-of-the-box')),
    observations: [],
  });
});

Then("each of their contacts in XYZ carries the user's SIP address", function (this: HarnessWorld) {
  return compareAttribute(this, 'GAL-02', "each contact carries its user's SIP address", SIP, (p) =>
    p.user.first(SIP),
  );
});

Then("each contact's mailNickname in XYZ is the user's sAMAccountName", function (this: HarnessWorld) {
  return compareAttribute(this, 'GAL-06', 'mailNickname is filled from sAMAccountName', 'mailNickname', (p) =>
    p.user.first('sAMAccountName'),
  );
});

Then('the SIP address of each contact in XYZ is {word}', function (this: HarnessWorld, expected: string) {
  return compareFormat(this, 'GAL-03', SIP, expected, sipAddressFormat);
});

Then('the targetAddress of each contact in XYZ is {word}', function (this: HarnessWorld, expected: string) {
  return compareFormat(this, 'GAL-04', 'targetAddress', expected, targetAddressFormat);
});

Then(
  'the contact of {string} is {word} to Office 365',
  async function (this: HarnessWorld, name: string, outcome: string) {
    const ctx = gal(this);
    const at = ctx.people.findIndex((p) => p.name === name);
    const person = ctx.people[at];
    const contactOf = (run: GalRun) => run.landed[at]?.dn.toLowerCase();
    await this.verify({
      rule: 'GAL-05',
      claim: `DirSync ${outcome === 'exported' ? 'exports' : 'does not export'} the contact of ${name}`,
      expected: outcome === 'exported',
      model: projectionExported(person.projected),
      observations: perRun(
        ctx,
        (run) => run.dirsync!.exported.some((e) => e.dn.toLowerCase() === contactOf(run)),
        (run) => run.dirsync!.skipped.find((s) => s.dn.toLowerCase() === contactOf(run)),
      ),
    });
  },
);

Then(
  'GALSync rejects {string} and XYZ holds no contact for them',
  async function (this: HarnessWorld, name: string) {
    const ctx = gal(this);
    const at = ctx.people.findIndex((p) => p.name === name);
    const person = ctx.people[at];
    await this.verify({
      rule: 'GAL-07',
      claim: `${name} is rejected and gets no contact`,
      expected: { rejected: true, contact: false },
      model: rejection(person.projected),
      observations: perRun(
        ctx,
        (run) => ({
          rejected: run.result.rejected.some((r) => r.dn === person.user.dn),
          contact: run.landed[at] !== undefined,
        }),
        (run) => run.result.rejected,
      ),
    });
  },
);

type PersonOf = ReturnType<typeof gal>['people'][number];

async function compareAttribute(
  world: HarnessWorld,
  rule: string,
  claim: string,
  attribute: string,
  expectedOf: (p: PersonOf) => string | undefined,
) {
  const people = gal(world).people;
  await world.verify({
    rule,
    claim,
    expected: people.map((p) => [p.name, expectedOf(p) ?? null]),
    model: byObject(people.map((p) => [p.name, projectedAttribute(p.projected, attribute)])),
    observations: perRun(gal(world), (run) =>
      people.map((p, i) => [p.name, run.landed[i]?.first(attribute) ?? null]),
    ),
  });
}

async function compareFormat(
  world: HarnessWorld,
  rule: string,
  attribute: string,
  wording: string,
  format: (v: string | undefined) => Verdict<string>,
) {
  const people = gal(world).people;
  const expected = wording === 'well-formed' ? 'ok' : wording;
  const formatOf = (p: PersonOf) => format(projectedAttribute(p.projected, attribute).value ?? undefined);
  await world.verify({
    rule,
    claim: `the ${attribute} of each contact is ${expected}`,
    expected: people.map((p) => [p.name, expected]),
    model: byObject(people.map((p) => [p.name, formatOf(p)])),
    observations: perRun(
      gal(world),
      (run) => people.map((p, i) => [p.name, format(run.landed[i]?.first(attribute)).value]),
      (run) => run.landed.map((contact) => contact?.first(attribute)),
    ),
  });
}
