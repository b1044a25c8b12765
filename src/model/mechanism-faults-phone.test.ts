import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { useMechanism } from './mechanism';
import { type PhoneSignIn, phoneSignIn } from './phone';

// The model's side of the selftest's mechanism faults in PHONE: each changed fact changes the decision that
// reads it (the mutation run showed no unit test reached these branches).

afterEach(() => useMechanism());

const ROOT = { subject: 'CN=Factory Root', issuer: 'CN=Factory Root' };
const INTERMEDIATE = { subject: 'CN=Public Intermediate', issuer: ROOT.subject };

/** A phone that trusts the factory root and remembers nothing yet, signing in by `path`. */
const phone = (
  path: PhoneSignIn['path'],
  rest: Omit<PhoneSignIn, 'path' | 'factoryRoots' | 'remembered'>,
) => ({
  path,
  factoryRoots: [ROOT.subject],
  remembered: [],
  ...rest,
});

test('PHONE-04: a registrar that was not restarted presents the certificate it started with', () => {
  const fromRoot = phone('usb', {
    leafIssuer: ROOT.subject,
    provisioningChain: [],
    startedWithLeafIssuer: INTERMEDIATE.subject,
  });
  assert.equal(phoneSignIn(fromRoot).value.registered, true);
  assert.deepEqual(phoneSignIn(fromRoot).rules, ['PHONE-04']);
  useMechanism({ phone: { registrarPresentsAssignedCertificate: false } });
  assert.equal(phoneSignIn(fromRoot).value.registered, false);
  assert.deepEqual(phoneSignIn(fromRoot).rules, ['PHONE-02']);
  const { startedWithLeafIssuer: _, ...neverReassigned } = fromRoot;
  assert.equal(phoneSignIn(neverReassigned).value.registered, true, 'no other certificate: the one assigned');
});

test('PHONE-02: a registrar that presents its intermediates lets a USB sign-in through; only non-roots are presented', () => {
  const usb = phone('usb', { leafIssuer: INTERMEDIATE.subject, provisioningChain: [INTERMEDIATE, ROOT] });
  assert.equal(phoneSignIn(usb).value.registered, false);
  assert.deepEqual(phoneSignIn(usb).rules, ['PHONE-02']);
  useMechanism({ phone: { registrarSendsIntermediates: true } });
  assert.equal(phoneSignIn(usb).value.registered, true);
  assert.deepEqual(phoneSignIn(usb).rules, ['PHONE-03']);
  assert.deepEqual(phoneSignIn(usb).value.remembered, [], 'what the handshake brings is not kept');
  const rootOnly = { ...usb, provisioningChain: [{ subject: 'CN=Other Root', issuer: 'CN=Other Root' }] };
  assert.equal(phoneSignIn({ ...rootOnly, leafIssuer: 'CN=Other Root' }).value.registered, false);
});

test('PHONE-01: a registrar that refuses the user: no registration after a good handshake, PHONE-02 after a bad one', () => {
  const pin = phone('pin', { leafIssuer: INTERMEDIATE.subject, provisioningChain: [INTERMEDIATE] });
  assert.equal(phoneSignIn(pin).value.registered, true);
  useMechanism({ phone: { registrarAcceptsUser: false } });
  const refused = phoneSignIn(pin);
  assert.equal(refused.value.registered, false);
  assert.deepEqual(refused.rules, ['PHONE-01']);
  assert.match(refused.reason, /403/);
  assert.deepEqual(refused.value.remembered, [INTERMEDIATE], 'the chain was still downloaded');
  const bad = phoneSignIn({ ...pin, path: 'usb' });
  assert.equal(bad.value.registered, false);
  assert.deepEqual(bad.rules, ['PHONE-02'], 'the handshake fails first');
});

test('PHONE-01: a provisioning service that hands out the root alone leaves the PIN sign-in without the intermediate', () => {
  const pin = phone('pin', { leafIssuer: INTERMEDIATE.subject, provisioningChain: [INTERMEDIATE, ROOT] });
  assert.equal(phoneSignIn(pin).value.registered, true);
  useMechanism({ phone: { provisioningServesIntermediates: false } });
  assert.equal(phoneSignIn(pin).value.registered, false);
  assert.deepEqual(phoneSignIn(pin).value.remembered, [ROOT], 'the root alone');
});
