import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { AdminInputError, adminRoutes } from './admin-routes';
import { startAdminServer } from './admin-server';
import { adminHeaders } from './admin-token';
import { mockCore } from './mock-core';
import { BodyAborted, BodyStream, BodyTooLarge } from './request-body';

/** Pieces a streamed load took, and a signal the test waits for: the loader has read its first piece. */
const seen = { pieces: 0, bytes: 0 };
let firstPiece: () => void = () => {};
let server: Awaited<ReturnType<typeof startAdminServer>>;
before(async () => {
  server = await startAdminServer(
    adminRoutes({
      ...mockCore('stream-test'),
      loadStream: async (body) => {
        seen.pieces = 0;
        seen.bytes = 0;
        for await (const piece of body) {
          if (seen.pieces++ === 0) firstPiece();
          seen.bytes += piece.length;
          if (piece.includes('refuse')) throw new AdminInputError('refused on its first piece', 'bad-data');
        }
        return { bytes: seen.bytes };
      },
    }),
  );
});
after(() => server.stop());

/** A chunked PUT /__admin/data whose second half is written only once `ready` resolves. */
async function put(first: Buffer, rest: Buffer, ready: Promise<void>) {
  const url = new URL(`${server.url}/__admin/data`);
  const req = request(url, { method: 'PUT', headers: { ...adminHeaders(), 'content-type': 'text/plain' } });
  const answered = once(req, 'response');
  req.write(first);
  await ready;
  req.end(rest);
  const [res] = (await answered) as [import('node:http').IncomingMessage];
  const sentAll = req.writableFinished;
  let text = '';
  for await (const chunk of res) text += chunk;
  return { status: res.statusCode, json: JSON.parse(text), sentAll };
}

test('a streamed data load reads its first piece before the client has sent the rest', async () => {
  const started = new Promise<void>((resolve) => {
    firstPiece = resolve;
  });
  const half = Buffer.alloc(4_000_000, 'a');
  const answer = await put(half, half, started);
  assert.equal(answer.status, 200);
  assert.deepEqual(answer.json, { bytes: 8_000_000 });
  assert.ok(seen.pieces > 1, `${seen.pieces} pieces`);
});

test('a streamed load refused on its first piece answers 400 once the client has sent the rest', async () => {
  const started = new Promise<void>((resolve) => {
    firstPiece = resolve;
  });
  const answer = await put(Buffer.from('refuse'), Buffer.alloc(8_000_000, 'b'), started);
  assert.equal(answer.status, 400);
  assert.ok(answer.sentAll, 'answered only once the whole body was read');
  assert.deepEqual(answer.json, { errors: [{ code: 'bad-data', message: 'refused on its first piece' }] });
});

test('a body stream stops past its limit, and when the client goes away', async () => {
  const outcomes: unknown[] = [];
  let firstRead: () => void = () => {};
  let handled: () => void = () => {};
  const http = createServer(async (req, res) => {
    const body = new BodyStream(req, 1000);
    try {
      await body.next();
      firstRead();
      await body.drain();
      outcomes.push('complete');
    } catch (error) {
      outcomes.push(error);
    }
    res.destroy();
    handled();
  });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  const send = async (finish: (req: ReturnType<typeof request>) => void) => {
    const read = new Promise<void>((resolve) => {
      firstRead = resolve;
    });
    const done = new Promise<void>((resolve) => {
      handled = resolve;
    });
    const req = request({ host: '127.0.0.1', port, method: 'PUT' });
    req.on('error', () => {});
    req.write(Buffer.alloc(600));
    await read;
    finish(req);
    await done;
  };
  await send((req) => req.end(Buffer.alloc(600)));
  await send((req) => req.destroy());
  await send((req) => req.end(Buffer.alloc(300)));
  http.close();
  assert.ok(outcomes[0] instanceof BodyTooLarge, String(outcomes[0]));
  assert.ok(outcomes[1] instanceof BodyAborted, String(outcomes[1]));
  assert.equal(outcomes[2], 'complete');
});
