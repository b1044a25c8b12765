import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AdminInputError, adminRoutes } from './admin-routes';
import { startAdminServer } from './admin-server';
import { adminHeaders } from './admin-token';
import { sendBig } from './big-request.fixture';
import { ADMIN_DATA_MAX_BODY, ADMIN_MAX_BODY } from './http-limits';
import { mockCore } from './mock-core';

const core = mockCore('admin-test');
let server: Awaited<ReturnType<typeof startAdminServer>>;
let loaded = 0;
before(async () => {
  const routes = adminRoutes({
    ...core,
    load: (body) => {
      loaded = body.length;
      return { loaded };
    },
    routes: {
      'GET /__admin/bug': () => {
        throw new Error('a route with a bug');
      },
      'GET /__admin/refused': () => {
        throw new AdminInputError('"x" must be a number', 'bad-x', 'x');
      },
    },
  });
  server = await startAdminServer(routes);
});
after(() => server.stop());

const call = (path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { ...adminHeaders(), ...init.headers } });

test('a route that fails is a 500 with a journal entry; bad input a 400; no route a 404; the server serves on', {
  timeout: 60_000,
}, async () => {
  const bug = await call('/__admin/bug');
  assert.equal(bug.status, 500);
  assert.deepEqual(await bug.json(), { errors: [{ code: 'internal', message: 'a route with a bug' }] });
  assert.deepEqual(
    core.journal.list({ operation: 'admin.error' }).map((e) => e.outcome),
    [{ status: 500, message: 'a route with a bug' }],
  );
  const refused = await call('/__admin/refused');
  assert.equal(refused.status, 400);
  assert.deepEqual(await refused.json(), {
    errors: [{ code: 'bad-x', message: '"x" must be a number', source: 'x' }],
  });
  assert.equal((await call('/__admin/nothing-here')).status, 404);
  assert.equal((await call('/not-admin')).status, 404);
  assert.equal((await call('/__admin/clock')).status, 200);
});

test('control requests take up to 4 MiB, a data load up to 512 MiB', { timeout: 60_000 }, async () => {
  const url = `${server.url}/__admin/faults`;
  const over = await sendBig({ url, headers: adminHeaders(), bytes: ADMIN_MAX_BODY + 1, chunked: true });
  assert.equal(over.status, 413, over.answer);
  const body = JSON.stringify({ kind: 'reset', operation: 'x' }).padEnd(ADMIN_MAX_BODY, ' ');
  assert.equal((await call('/__admin/faults', { method: 'POST', body })).status, 201);
  const data = await sendBig({
    url: `${server.url}/__admin/data`,
    method: 'PUT',
    headers: adminHeaders(),
    bytes: 20_000_000,
  });
  assert.equal(data.status, 200, data.answer);
  assert.equal(loaded, 20_000_000);
  const tooMuch = await sendBig({
    url: `${server.url}/__admin/data`,
    method: 'PUT',
    headers: adminHeaders(),
    bytes: ADMIN_DATA_MAX_BODY + 1,
  });
  assert.equal(tooMuch.status, 413);
});

test('a clock moved past what a Date can show is refused with a 400, and every answer after is normal', {
  timeout: 60_000,
}, async () => {
  const advance = (ms: number) =>
    call('/__admin/clock/advance', { method: 'POST', body: JSON.stringify({ ms }) });
  const far = await advance(1e308);
  assert.equal(far.status, 400);
  assert.match(await far.text(), /advancing by 1e\+308 ms leaves the times a Date can show/);
  const set = await call('/__admin/clock', {
    method: 'PUT',
    body: JSON.stringify({ now: '+275761-01-01T00:00:00Z' }),
  });
  assert.equal(set.status, 400);
  assert.equal((await advance(60_000)).status, 200);
  assert.equal((await call('/__admin/health')).status, 200);
  assert.equal((await call('/__admin/journal')).status, 200);
});
