import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { selectClientCertificate } from './cert-selection';
import { HandshakeReader } from './handshake-reader';
import { probeIssuers } from './issuer-probe';

/** A server flight: ServerHello, a CertificateRequest naming `names`, ServerHelloDone, cut into records of `recordSize`. */
function flight(names: Buffer[], recordSize: number): Buffer[] {
  const message = (type: number, body: Buffer) => {
    const header = Buffer.alloc(4);
    header[0] = type;
    header.writeUIntBE(body.length, 1, 3);
    return Buffer.concat([header, body]);
  };
  const hello = message(
    2,
    Buffer.concat([Buffer.from([3, 3]), Buffer.alloc(32), Buffer.from([0, 0xc0, 0x2b, 0])]),
  );
  const list = Buffer.concat(
    names.map((n) => Buffer.concat([Buffer.from([n.length >> 8, n.length & 255]), n])),
  );
  const request = message(
    13,
    Buffer.concat([Buffer.from([1, 64, 0, 2, 4, 3, list.length >> 8, list.length & 255]), list]),
  );
  const handshake = Buffer.concat([hello, request, message(14, Buffer.alloc(0))]);
  const records: Buffer[] = [];
  for (let at = 0; at < handshake.length; at += recordSize) {
    const fragment = handshake.subarray(at, at + recordSize);
    records.push(
      Buffer.concat([Buffer.from([22, 3, 3, fragment.length >> 8, fragment.length & 255]), fragment]),
    );
  }
  return records;
}

test('reads a CertificateRequest spread over many records and arriving byte by byte', () => {
  const names = [Buffer.from('3000', 'hex'), Buffer.alloc(300, 0x30)];
  const reader = new HandshakeReader();
  const bytes = Buffer.concat(flight(names, 100));
  let done = false;
  for (let i = 0; i < bytes.length; i++) done = reader.push(bytes.subarray(i, i + 1));
  assert.equal(done, true);
  assert.equal(reader.flight.version, 0x0303);
  assert.equal(reader.flight.certificateRequested, true);
  assert.deepEqual(reader.flight.authorities, names);
  assert.equal(reader.flight.authoritiesBytes, 2 + 2 + 2 + 300);
});

test('a server that answers in plain text is reported, not parsed', async () => {
  const server = createServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  try {
    await assert.rejects(probeIssuers('127.0.0.1', port), /HTTP\/1\.1 400.*not a TLS 1\.2 server/);
  } finally {
    server.close();
  }
});

test('Schannel client selection: offer with an empty list, only a listed issuer otherwise', () => {
  const credential = { label: 'fe', chainPem: '', keyPem: '' };
  assert.equal(selectClientCertificate([credential], []).credential, credential);
  assert.equal(selectClientCertificate([], []).credential, undefined);
});
