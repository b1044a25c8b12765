import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { LyncOnlineClient } from '../../src/clients/tls/presence-client';
import { adminHeaders, type StartedMock } from '../admin';
import { startLyncOnlineMock } from './index';

let mock: StartedMock;
const people = [
  {
    name: 'Pat Kim',
    mail: 'pat.kim@xyz.corp',
    sip: 'sip:pat.kim@xyz.corp',
    kind: 'user',
    endpoint: 'Available',
  },
  {
    name: 'Jed Hill',
    mail: 'jed.hill@fabrikam.example',
    sip: 'sip:jed.hill@fabrikam.example',
    kind: 'contact',
  },
  ...Array.from({ length: 260 }, (_, i) => ({
    name: `C ${i}`,
    mail: `c${i}@xyz.corp`,
    sip: `sip:c${i}@xyz.corp`,
    kind: 'user',
    endpoint: 'Busy',
  })),
];

before(async () => {
  mock = await startLyncOnlineMock();
  const loaded = await fetch(`${mock.urls.admin}/__admin/data`, {
    method: 'PUT',
    headers: adminHeaders(),
    body: JSON.stringify({ people }),
  });
  assert.equal(loaded.status, 200);
});
after(() => mock.stop());

test('250 contacts, 200 subscriptions: the 201st is quotaExceeded (413, msDiagCode 2012) while IM still works', async () => {
  const pat = new LyncOnlineClient(mock.urls.http, 'sip:pat.kim@xyz.corp');
  const results = [];
  for (let i = 0; i < 251; i++) results.push(await pat.addContact(`sip:c${i}@xyz.corp`));
  assert.equal(results.filter((r) => r.added).length, 250);
  assert.equal(results.filter((r) => r.subscribed).length, 200);
  assert.equal(results[200].message, 'Maximum Followers Reached');
  assert.equal((await pat.viewPresence('sip:c199@xyz.corp')).shown, 'Busy');
  assert.equal((await pat.viewPresence('sip:c200@xyz.corp')).shown, 'Maximum Followers Reached');
  assert.equal(await pat.sendIm('sip:c240@xyz.corp', 'hi'), true);
  assert.equal(await pat.sendIm('sip:jed.hill@fabrikam.example', 'hi'), false);
});

test('curl sees the UCWA resources; bad requests get 4xx and the service keeps serving', async () => {
  const base = `${mock.urls.http}/ucwa/oauth/v1/applications/sip:pat.kim@xyz.corp`;
  const out = await new Promise<string>((resolve) =>
    execFile('curl', ['-sS', `${base}/people/search?query=jed`], (_e, stdout, stderr) =>
      resolve(stdout + stderr),
    ),
  );
  assert.match(out, /"name":"Jed Hill"/);
  for (let i = 0; i < 100; i++) {
    const bad = [
      fetch(`${base}/people/contacts`, { method: 'POST', body: '{not json' }),
      fetch(`${mock.urls.http}/ucwa/oauth/v1/applications/%E0%A4%A/people/contacts`),
      fetch(`${mock.urls.http}/ucwa/oauth/v1/applications/sip:nobody@x/people/contacts`),
      fetch(`${mock.urls.http}/somewhere`),
    ];
    const statuses = (await Promise.all(bad)).map((r) => r.status);
    assert.deepEqual(statuses, [400, 400, 403, 404]);
  }
  assert.equal((await fetch(`${base}/people/contacts`)).status, 200);
});

test('bad admin data is refused with 400 naming the person', async () => {
  const bad = await fetch(`${mock.urls.admin}/__admin/data`, {
    method: 'PUT',
    headers: adminHeaders(),
    body: JSON.stringify({ people: [{ name: 'X', mail: 'x@y', sip: 'x@y', kind: 'user' }] }),
  });
  assert.equal(bad.status, 400);
  assert.match(await bad.text(), /people\[0\]\.sip must be sip:user@domain/);
});

test('other quotas through the admin API hold until the next reset; a bad quota is refused', async () => {
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${mock.urls.admin}${path}`, { method, headers: adminHeaders(), body: JSON.stringify(body) });
  assert.equal((await admin('PUT', '/__admin/limits', { maxContacts: 3 })).status, 200);
  const lee = new LyncOnlineClient(mock.urls.http, 'sip:c250@xyz.corp');
  const added = [];
  for (let i = 0; i < 4; i++) added.push((await lee.addContact(`sip:c${i}@xyz.corp`)).added);
  assert.deepEqual(added, [true, true, true, false]);
  assert.equal((await admin('PUT', '/__admin/limits', { maxFriends: 3 })).status, 400);
  assert.equal((await admin('POST', '/__admin/reset', { correlationId: 'x' })).status, 200);
  const again = [];
  for (let i = 0; i < 4; i++) again.push((await lee.addContact(`sip:c${i}@xyz.corp`)).added);
  assert.deepEqual(again, [true, true, true, true], 'the reset restores the 250');
});
