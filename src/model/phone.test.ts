import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phoneSignIn, signInEndpoints, signInSteps } from './phone';

const root = 'CN=Factory Root';
const intermediate = { subject: 'CN=Public Intermediate', issuer: root };
const pool = { factoryRoots: [root], leafIssuer: intermediate.subject, provisioningChain: [intermediate] };

test('PHONE-01/02: PIN downloads the chain and registers; USB goes straight to TLS and fails', () => {
  const pin = phoneSignIn({ path: 'pin', remembered: [], ...pool });
  assert.deepEqual(pin.value.steps, ['http chain download', 'tls handshake']);
  assert.equal(pin.value.registered, true);
  const usb = phoneSignIn({ path: 'usb', remembered: [], ...pool });
  assert.deepEqual(usb.value.steps, ['tls handshake']);
  assert.equal(usb.value.registered, false);
  assert.match(usb.reason, /lacks the intermediate "CN=Public Intermediate"/);
});

test('PHONE-03/04: USB works after a PIN sign-in, or with a certificate straight from a factory root', () => {
  const pin = phoneSignIn({ path: 'pin', remembered: [], ...pool });
  assert.equal(
    phoneSignIn({ path: 'usb', remembered: pin.value.remembered, ...pool }).value.registered,
    true,
  );
  const direct = phoneSignIn({
    path: 'usb',
    remembered: [],
    ...pool,
    leafIssuer: root,
    provisioningChain: [],
  });
  assert.deepEqual(direct.rules, ['PHONE-04']);
  assert.equal(direct.value.registered, true);
});

test('PHONE-01/02: the endpoints of each sign-in path, with their real ports', () => {
  const pin = signInEndpoints('pin');
  assert.deepEqual(
    pin.value.map((e) => [e.step, e.role, e.transport, e.productionPort]),
    [
      ['http chain download', 'certificate provisioning web service', 'plain HTTP', 80],
      ['tls handshake', 'registrar', 'TLS', 443],
    ],
  );
  assert.deepEqual(pin.rules, ['PHONE-01']);
  const usb = signInEndpoints('usb');
  assert.deepEqual(
    usb.value.map((e) => e.productionPort),
    [443],
  );
  assert.deepEqual(usb.rules, ['PHONE-02']);
  assert.deepEqual(signInSteps('usb').rules, ['PHONE-02']);
});

test('PHONE-01..03: the rule that decided, and what the phone keeps', () => {
  const pin = phoneSignIn({ path: 'pin', remembered: [intermediate], ...pool });
  assert.deepEqual(pin.rules, ['PHONE-01']);
  assert.deepEqual(pin.value.remembered, [intermediate], 'a CA it already holds is kept once');
  const usb = phoneSignIn({ path: 'usb', remembered: [], ...pool });
  assert.deepEqual(usb.rules, ['PHONE-02']);
  assert.deepEqual(usb.value.remembered, [], 'USB downloads nothing');
  assert.deepEqual(phoneSignIn({ path: 'usb', remembered: [intermediate], ...pool }).rules, ['PHONE-03']);
});

test('PHONE-01/02: every CA between the leaf and a factory root must be known', () => {
  const issuing = { subject: 'CN=Issuing CA', issuer: intermediate.subject };
  const deep = { ...pool, leafIssuer: issuing.subject, provisioningChain: [issuing, intermediate] };
  assert.equal(phoneSignIn({ path: 'pin', remembered: [], ...deep }).value.registered, true);
  const half = phoneSignIn({ path: 'usb', remembered: [issuing], ...deep });
  assert.equal(half.value.registered, false);
  assert.match(half.reason, /"CN=Public Intermediate"/, 'the first CA it lacks, past the one it has');
  const ownRoot = { subject: 'CN=Private Root', issuer: 'CN=Private Root' };
  const privateCa = { subject: 'CN=Private CA', issuer: ownRoot.subject };
  const downloaded = { ...pool, leafIssuer: privateCa.subject, provisioningChain: [privateCa, ownRoot] };
  assert.equal(
    phoneSignIn({ path: 'pin', remembered: [], ...downloaded }).value.registered,
    true,
    'a downloaded root is trusted',
  );
  const a = { subject: 'CN=A', issuer: 'CN=B' };
  const b = { subject: 'CN=B', issuer: 'CN=A' };
  const cycle = { ...pool, leafIssuer: 'CN=A', provisioningChain: [a, b] };
  assert.equal(
    phoneSignIn({ path: 'pin', remembered: [], ...cycle }).value.registered,
    false,
    'a cycle ends, unregistered',
  );
});

test('PHONE-01/03: a PIN sign-in adds what it downloads to what the phone already holds', () => {
  const other = { subject: 'CN=Other Intermediate', issuer: root };
  const signIn = phoneSignIn({ ...pool, path: 'pin', remembered: [other] });
  assert.deepEqual(signIn.value.remembered, [other, intermediate]);
  assert.equal(signIn.value.registered, true);
  assert.deepEqual(
    phoneSignIn({ ...pool, path: 'pin', remembered: [intermediate] }).value.remembered,
    [intermediate],
    'a CA it holds already is not added twice',
  );
});
