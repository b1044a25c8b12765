import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_TOKEN_VARIABLE, adminToken, type StartedMock } from '../../mocks/admin';
import { startLyncOnlineMock } from '../../mocks/lync-online';
import { AdminClient } from './admin-client';

let mock: StartedMock;
before(async () => {
  mock = await startLyncOnlineMock();
});
after(() => mock.stop());

test("AdminClient sends this process's token, which the mocks of this process took too", {
  timeout: 60_000,
}, async () => {
  assert.equal(mock.adminToken, adminToken());
  const health = await new AdminClient(mock.urls.admin).health();
  assert.equal(health.service, 'lync-online', 'an authorized health check names its service');
  assert.ok(await new AdminClient(mock.urls.admin).now());
});

test('a token given to the constructor is sent instead; a wrong one is a 401 naming the variable', {
  timeout: 60_000,
}, async () => {
  assert.ok(await new AdminClient(mock.urls.admin, mock.adminToken).now());
  await assert.rejects(
    new AdminClient(mock.urls.admin, 'not-the-token').now(),
    /GET \/__admin\/clock answered 401: the admin API needs Authorization: Bearer <LYNC_MOCK_ADMIN_TOKEN> \(is LYNC_MOCK_ADMIN_TOKEN the service's token\?\)/,
  );
});

test('the variable is read at each call: a token set after the client was made is the one sent', {
  timeout: 60_000,
}, async () => {
  const client = new AdminClient(mock.urls.admin);
  const given = process.env[ADMIN_TOKEN_VARIABLE];
  process.env[ADMIN_TOKEN_VARIABLE] = 'changed-since';
  try {
    await assert.rejects(client.now(), /answered 401/);
  } finally {
    if (given === undefined) delete process.env[ADMIN_TOKEN_VARIABLE];
    else process.env[ADMIN_TOKEN_VARIABLE] = given;
  }
  assert.ok(await client.now());
});

test('an error answer that is not JSON is reported as its text', { timeout: 60_000 }, async () => {
  await assert.rejects(
    new AdminClient(mock.urls.http).call('GET', '/%C0%AF'),
    /GET \/%C0%AF answered 400: Bad Request - Invalid URL: the path is not valid percent-encoded UTF-8/,
  );
});
