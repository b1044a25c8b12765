import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { header, httpCall } from './http-call';

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test('sends the body with its length and gives back status, headers and body', async () => {
  const { server, base } = await serve((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      res.setHeader('www-authenticate', ['Basic realm="EWS"', 'Negotiate']);
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          method: req.method,
          length: req.headers['content-length'],
          type: req.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
  });
  try {
    const answer = await httpCall(`${base}/x?q=1`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'Pat Kim → ü',
    });
    assert.equal(answer.status, 401);
    assert.equal(answer.ok, false);
    assert.equal(header(answer, 'WWW-Authenticate'), 'Basic realm="EWS", Negotiate');
    assert.deepEqual(answer.json(), {
      method: 'POST',
      length: String(Buffer.byteLength('Pat Kim → ü')),
      type: 'text/plain',
      body: 'Pat Kim → ü',
    });
  } finally {
    server.close();
  }
});

test('keeps the connection alive between calls', async () => {
  const peers = new Set<number>();
  const { server, base } = await serve((req, res) => {
    peers.add(req.socket.remotePort ?? 0);
    res.end('ok');
  });
  try {
    for (let i = 0; i < 5; i++) assert.equal((await httpCall(`${base}/`)).text(), 'ok');
    assert.equal(peers.size, 1);
  } finally {
    server.close();
    server.closeAllConnections();
  }
});

test('a refused connection names the method and URL, the socket error as cause', async () => {
  const { server, base } = await serve(() => undefined);
  server.close();
  await once(server, 'close');
  await assert.rejects(httpCall(`${base}/gone`, { method: 'PUT' }), (error: Error) => {
    assert.match(error.message, /^\[http\] PUT http:\/\/127\.0\.0\.1:\d+\/gone: connect ECONNREFUSED/);
    assert.match(String((error.cause as Error).message), /ECONNREFUSED/);
    return true;
  });
});

test('only http: URLs', async () => {
  await assert.rejects(httpCall('https://127.0.0.1:1/'), /only http: URLs are supported/);
});

test('a body given as chunks is sent as they are made, waiting for the socket, and arrives whole', async () => {
  const { server, base } = await serve((req, res) => {
    const hash = createHash('sha256');
    let bytes = 0;
    req.on('data', (c: Buffer) => {
      hash.update(c);
      bytes += c.length;
    });
    req.on('end', () =>
      res.end(
        JSON.stringify({ bytes, sha256: hash.digest('hex'), chunked: req.headers['transfer-encoding'] }),
      ),
    );
  });
  try {
    const piece = (i: number) => `${i}:${'Zoë,'.repeat(50_000)}\n`;
    let made = 0;
    function* chunks() {
      for (let i = 0; i < 100; i++) {
        made++;
        yield piece(i);
      }
    }
    const whole = Array.from({ length: 100 }, (_, i) => piece(i)).join('');
    const expected = {
      bytes: Buffer.byteLength(whole),
      sha256: createHash('sha256').update(whole).digest('hex'),
      chunked: 'chunked',
    };
    const answer = await httpCall(`${base}/load`, { method: 'PUT', body: chunks() });
    assert.equal(made, 100);
    assert.deepEqual(answer.json(), expected);
    // Chunks that arrive from elsewhere (DirSync's pages as they are read) are sent as they come.
    async function* arriving() {
      for (let i = 0; i < 100; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        yield piece(i);
      }
    }
    const streamed = await httpCall(`${base}/load`, { method: 'PUT', body: arriving() });
    assert.deepEqual(streamed.json(), expected);
  } finally {
    server.close();
  }
});
