import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { sendBig, sendRaw } from './big-request.fixture';
import { respond, serveGuarded } from './http-guard';
import { Journal } from './journal';
import { readBody } from './request-body';

const LIMIT = 100_000;
const journal = new Journal('guard-test', () => new Date(0));
let server: Server;
let base: string;
const seen: string[] = [];

before(async () => {
  server = createServer();
  serveGuarded(server, { label: 'mock:test', journal, limit: () => LIMIT }, async (req, res, url) => {
    seen.push(url.href);
    if (url.pathname === '/throw') throw new Error('a handler bug');
    if (url.pathname === '/reject') return Promise.reject(new Error('a rejected promise'));
    const body = await readBody(req, LIMIT);
    respond(req, res, 200, `read ${body.length} bytes of ${url.pathname}`);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
before(() => process.on('unhandledRejection', onUnhandled));
after(() => process.off('unhandledRejection', onUnhandled));

const ops = (operation: string) => journal.list({ operation });

test('a body up to the limit is read whole, declared or chunked; one byte more is a 413', {
  timeout: 60_000,
}, async () => {
  for (const chunked of [false, true]) {
    const exact = await sendBig({ url: `${base}/body`, bytes: LIMIT, chunked });
    assert.equal(exact.status, 200, exact.answer);
    assert.match(exact.answer, new RegExp(`read ${LIMIT} bytes`));
    const over = await sendBig({ url: `${base}/body`, bytes: LIMIT + 1, chunked });
    assert.equal(over.status, 413, over.answer);
    assert.match(over.answer, /\[mock:test\] the request body is larger than 100000 bytes/);
  }
  assert.equal(ops('http.tooLarge').length, 2);
});

test('a body declared past the limit is refused before any of it is read, 100-continue or not', {
  timeout: 60_000,
}, async () => {
  const declared = await sendBig({ url: `${base}/body`, bytes: 50_000_000 });
  assert.equal(declared.status, 413);
  const expecting = await sendRaw({
    url: `${base}/body`,
    method: 'POST',
    headers: { 'content-length': '50000000', expect: '100-continue' },
  });
  assert.equal(expecting.status, 413);
  assert.doesNotMatch(expecting.answer, /100 Continue/);
});

test('a handler that throws or rejects gets a 500 and a journal entry; the server goes on serving', {
  timeout: 60_000,
}, async () => {
  for (const path of ['/throw', '/reject']) {
    const r = await fetch(`${base}${path}`);
    assert.equal(r.status, 500);
    assert.match(await r.text(), /\[mock:test\] internal error: a (handler bug|rejected promise)/);
  }
  assert.deepEqual(
    ops('http.error').map((e) => e.outcome.error),
    ['a handler bug', 'a rejected promise'],
  );
  assert.equal((await fetch(`${base}/after`)).status, 200);
});

test('a client that hangs up mid-body is journaled, not an unhandled rejection', {
  timeout: 60_000,
}, async () => {
  for (const chunked of [false, true]) {
    const target = `/hang-up-${chunked ? 'chunked' : 'declared'}`;
    await sendBig({ url: `${base}${target}`, bytes: LIMIT, chunked, abortAfter: 1 });
    await journal.waitFor((e) => e.operation === 'http.aborted' && e.request.target === target);
  }
  assert.equal((await fetch(`${base}/after`)).status, 200);
  assert.deepEqual(unhandled, []);
});

test('odd request targets: absolute-form is served on its own authority, the others are 400', {
  timeout: 60_000,
}, async () => {
  const absolute = await sendRaw({ url: base, target: 'http://autodiscover.xyz.corp/abs?x=1' });
  assert.equal(absolute.status, 200, absolute.answer);
  assert.ok(seen.includes('http://autodiscover.xyz.corp/abs?x=1'));
  const doubleSlash = await sendRaw({ url: base, target: '//evil.example/path' });
  assert.equal(doubleSlash.status, 200);
  assert.ok(seen.includes(`${base}//evil.example/path`), 'a path that starts with // stays a path');
  // `host:80` (authority-form outside CONNECT) is refused by node's own parser before any handler.
  for (const target of ['*', '/OAB/%C0%AF/oab.xml', '/x/%ZZ', '/x/%E0%A4%A', 'ftp://host/x', 'host:80']) {
    const r = await sendRaw({ url: base, target });
    assert.equal(r.status, 400, `${target}: ${r.answer}`);
  }
  const options = await sendRaw({ url: base, method: 'OPTIONS', target: '*' });
  assert.equal(options.status, 200);
  assert.match(options.answer, /\r\nallow: OPTIONS, GET, HEAD, POST\r\n/i);
  assert.equal(ops('http.badTarget').length, 5);
});

test('a journal that cannot write stops no answer', { timeout: 60_000 }, async () => {
  const broken = new Journal('broken', () => new Date(Number.NaN));
  const bare = createServer();
  serveGuarded(bare, { label: 'mock:broken', journal: broken, limit: () => LIMIT }, () => {
    throw new Error('a handler bug');
  });
  bare.listen(0, '127.0.0.1');
  await once(bare, 'listening');
  const url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
  try {
    assert.equal((await fetch(`${url}/x`)).status, 500);
    assert.equal((await sendRaw({ url, target: '/%C0%AF' })).status, 400);
  } finally {
    await new Promise<void>((resolve) => bare.close(() => resolve()));
  }
  assert.deepEqual(unhandled, []);
});
