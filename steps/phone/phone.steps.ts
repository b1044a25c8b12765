import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import { LyncPhone, type SignInResult } from '../../src/clients/tls/phone';
import type { StartedService } from '../../src/harness/service-set';
import { type CaCertificate, phoneSignIn, type SignInPath } from '../../src/model/phone';
import { part } from '../../src/model/verdict';
import {
  type PoolCertificateKind,
  phoneFactoryRoots,
  poolChainNames,
  poolInstallBody,
} from '../../src/pki/fixtures';
import { POOL_FQDN } from '../../src/pki/lab';
import type { HarnessWorld } from '../support/world';

defineParameterType({
  name: 'signInPath',
  regexp: /PIN authentication|USB tethering/,
  transformer: (text: string): SignInPath => (text === 'USB tethering' ? 'usb' : 'pin'),
});

interface PhoneContext {
  kind: PoolCertificateKind;
  phone?: LyncPhone;
  /** What the model says the phone holds, carried between sign-ins like the simulator's memory. */
  modelRemembered: CaCertificate[];
  last?: {
    path: SignInPath;
    result: SignInResult;
    journal: string[];
    verdict: ReturnType<typeof phoneSignIn>;
  };
}
const ctx = (w: HarnessWorld) =>
  w.area<PhoneContext>('phone', () => ({ kind: 'via intermediate', modelRemembered: [] }));

function ruleOf(world: HarnessWorld): string {
  return world.scenario.tags.find((t) => /^@PHONE-\d+$/.test(t))?.slice(1) ?? 'PHONE-01';
}

Given(
  "the pool's certificate is issued by a public CA's intermediate certificate",
  async function (this: HarnessWorld) {
    await installPool(this, 'via intermediate');
  },
);

Given(
  "the pool's certificate is issued directly by a root the phone ships with",
  async function (this: HarnessWorld) {
    await installPool(this, 'from a factory root');
  },
);

async function installPool(world: HarnessWorld, kind: PoolCertificateKind): Promise<void> {
  const pool = await world.env.frontEnd();
  await pool.admin.loadData(JSON.stringify(await poolInstallBody(kind)), 'application/json');
  ctx(world).kind = kind;
}

Given('a Lync Phone Edition fresh from the factory', async function (this: HarnessWorld) {
  ctx(this).phone = new LyncPhone((await phoneFactoryRoots()).pem);
});

When(
  'the user signs in on the phone with {signInPath}',
  async function (this: HarnessWorld, path: SignInPath) {
    const c = ctx(this);
    if (!c.phone)
      throw new Error('[phone] no phone yet: start with "Given a Lync Phone Edition fresh from the factory"');
    const pool = await this.env.frontEnd();
    const before = (await pool.admin.journal({ correlationId: this.scenario.id })).length;
    const result = await c.phone.signIn(path, { http: pool.urls.http, sip: pool.urls.sip, fqdn: POOL_FQDN });
    const entries = await journalSince(pool, this.scenario.id, before);
    const journal = entries
      .map(
        (e) => ({ 'certprov.chain': 'http chain download', 'tls.handshake': 'tls handshake' })[e.operation],
      )
      .filter((step): step is string => step !== undefined);
    const factory = await phoneFactoryRoots();
    const verdict = phoneSignIn({
      path,
      factoryRoots: factory.subjects,
      remembered: c.modelRemembered,
      ...(await poolChainNames(c.kind)),
    });
    c.modelRemembered = verdict.value.remembered;
    c.last = { path, result, journal, verdict };
  },
);

/**
 * The pool's journal after `before`, once it holds the handshake: every sign-in reaches the registrar
 * over TLS, and the pool logs a failed handshake only when the alert arrives. A condition, not a time:
 * the step's own timeout bounds it.
 */
async function journalSince(pool: StartedService, correlationId: string, before: number) {
  for (;;) {
    const entries = (await pool.admin.journal({ correlationId })).slice(before);
    if (entries.some((e) => e.operation === 'tls.handshake')) return entries;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function model(world: HarnessWorld) {
  const last = ctx(world).last;
  if (!last) throw new Error('[phone] no sign-in yet');
  return { verdict: last.verdict, last };
}

Then(
  'the phone downloads the certificate chain over HTTP before the TLS handshake',
  async function (this: HarnessWorld) {
    await checkSteps(this, ['http chain download', 'tls handshake']);
  },
);

Then(
  'the phone goes straight to the TLS handshake without downloading the chain',
  async function (this: HarnessWorld) {
    await checkSteps(this, ['tls handshake']);
  },
);

async function checkSteps(world: HarnessWorld, expected: string[]): Promise<void> {
  const { verdict, last } = await model(world);
  await world.verify<string[]>({
    rule: ruleOf(world),
    claim: `with ${last.path === 'pin' ? 'PIN authentication' : 'USB tethering'} the phone's network steps are: ${expected.join(', then ')}`,
    expected,
    model: part(verdict, 'steps'),
    observations: [
      { witness: 'phone', value: last.result.steps },
      { witness: 'lync-fe', value: last.journal, detail: 'the pool journal, in order' },
    ],
  });
}

Then('the phone registers', async function (this: HarnessWorld) {
  await checkRegistered(this, true);
});

Then(
  'the TLS handshake fails because the phone lacks the intermediate certificate',
  async function (this: HarnessWorld) {
    await checkRegistered(this, false);
    const { last } = await model(this);
    if (!/intermediate certificate is missing/.test(last.result.failure ?? ''))
      throw new Error(`[PHONE-02] the handshake failed for another reason: ${last.result.failure}`);
  },
);

async function checkRegistered(world: HarnessWorld, expected: boolean): Promise<void> {
  const { verdict, last } = await model(world);
  await world.verify<boolean>({
    rule: ruleOf(world),
    claim: expected ? 'the phone completes the TLS handshake and registers' : 'the TLS handshake fails',
    expected,
    model: part(verdict, 'registered'),
    observations: [
      {
        witness: 'phone',
        value: last.result.registered,
        detail: last.result.failure ?? 'registered (SIP/2.0 200 OK)',
      },
    ],
  });
}
