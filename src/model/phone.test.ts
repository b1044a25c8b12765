import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phoneSignIn } from './phone';

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
