import { Given, Then, When } from '@cucumber/cucumber';
import { LyncPhone, type SignInResult } from '../../src/clients/tls/phone';
import type { StartedService } from '../../src/harness/service-set';
import {
  type CaCertificate,
  phoneSignIn,
  type SignInEndpoint,
  type SignInPath,
  signInEndpoints,
} from '../../src/model/phone';
import { part } from '../../src/model/verdict';
import {
  POOL_STARTS_WITH,
  type PoolCertificateKind,
  phoneFactoryRoots,
  poolChainNames,
  poolInstallBody,
} from '../../src/pki/fixtures';
import { POOL_FQDN } from '../../src/pki/lab';
import type { HarnessWorld } from '../support/world';

interface PhoneContext {
  kind: PoolCertificateKind;
  phone?: LyncPhone;
  /** What the model says the phone holds, carried between sign-ins like the simulator's memory. */
  modelRemembered: CaCertificate[];
  last?: {
    path: SignInPath;
    result: SignInResult;
    journal: string[];
    /** The pool's journal entries of the sign-in: which listener each request reached. */
    entries: Array<{ operation: string; request: Record<string, unknown> }>;
    /** The pool's URLs at the time (its plain-HTTP web service and its TLS registrar). */
    urls: { http: string; sip: string };
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
      startedWithLeafIssuer: (await poolChainNames(POOL_STARTS_WITH)).leafIssuer,
    });
    c.modelRemembered = verdict.value.remembered;
    c.last = { path, result, journal, verdict, entries, urls: { http: pool.urls.http, sip: pool.urls.sip } };
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

Then(
  'the chain download and the sign-in reach two different endpoints of the pool: its web service, then its registrar',
  async function (this: HarnessWorld) {
    const { last } = await model(this);
    const fromPhone = last.result.endpoints.map((url, i) =>
      endpointSeen(last.result.steps[i], url, last.urls),
    );
    const reached = last.entries.filter(
      (e) => e.operation === 'certprov.chain' || e.operation === 'tls.handshake',
    );
    const fromPool = reached.map((e) => endpointLogged(e.operation, e.request));
    if (new Set(reached.map((e) => e.request.localPort)).size !== reached.length)
      throw new Error(`[PHONE-01] the steps did not reach distinct endpoints: ${JSON.stringify(reached)}`);
    await this.verify<SignInEndpoint[]>({
      rule: 'PHONE-01',
      claim:
        'the chain comes from the web service over plain HTTP (port 80), the sign-in from the registrar over TLS (443)',
      expected: [
        { step: 'http chain download', ...ROLES.web },
        { step: 'tls handshake', ...ROLES.registrar },
      ],
      model: signInEndpoints(last.path),
      observations: [
        { witness: 'phone', value: fromPhone, detail: last.result.endpoints },
        {
          witness: 'lync-fe',
          value: fromPool,
          detail: reached.map((e) => ({ operation: e.operation, ...e.request })),
        },
      ],
    });
  },
);

/** The pool's plain-HTTP listener stands for its port 80, the TLS registrar for 443. */
const ROLES = {
  web: { role: 'certificate provisioning web service', transport: 'plain HTTP', productionPort: 80 },
  registrar: { role: 'registrar', transport: 'TLS', productionPort: 443 },
} as const;

function endpointSeen(step: string, url: string, pool: { http: string; sip: string }): SignInEndpoint {
  const dialled = new URL(url);
  const at = (u: string) => new URL(u).host === dialled.host;
  if (dialled.protocol === 'http:' && at(pool.http)) return { step, ...ROLES.web };
  if (dialled.protocol === 'tls:' && at(pool.sip)) return { step, ...ROLES.registrar };
  throw new Error(
    `[PHONE-01] the phone dialled ${url}, which is neither the pool's web service nor its registrar`,
  );
}

function endpointLogged(operation: string, request: Record<string, unknown>): SignInEndpoint {
  const step = operation === 'certprov.chain' ? 'http chain download' : 'tls handshake';
  return { step, ...(String(request.listener).startsWith('registrar') ? ROLES.registrar : ROLES.web) };
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
