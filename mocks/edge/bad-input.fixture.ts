import { connect, type Socket } from 'node:net';

/** A TLS 1.0 ClientHello (record and hello version 3.1) offering one old cipher. */
export function tls10ClientHello(): Buffer {
  const hello = Buffer.concat([
    Buffer.from([0x03, 0x01]),
    Buffer.alloc(32, 7),
    Buffer.from([0x00, 0x00, 0x02, 0x00, 0x2f, 0x01, 0x00]),
  ]);
  const handshake = Buffer.concat([Buffer.from([0x01, 0x00, 0x00, hello.length]), hello]);
  return Buffer.concat([Buffer.from([0x16, 0x03, 0x01, 0x00, handshake.length]), handshake]);
}

const KINDS: Array<[string, () => Buffer]> = [
  ['garbage', () => Buffer.from('\x00\xff\x13garbage bytes that are not TLS\r\n')],
  ['plain HTTP', () => Buffer.from('GET / HTTP/1.1\r\nHost: edge\r\n\r\n')],
  ['TLS 1.0 hello', tls10ClientHello],
  ['half-finished handshake', () => tls10ClientHello().subarray(0, 20)],
];

/** Sends `count` bad connections (round-robin over the kinds), 20 at a time; resolves with how each ended. */
export async function sendBadInput(host: string, port: number, count: number): Promise<string[]> {
  const outcomes: string[] = [];
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, (_, j) =>
      one(host, port, KINDS[(i + j) % KINDS.length]),
    );
    outcomes.push(...(await Promise.all(batch)));
  }
  return outcomes;
}

function one(host: string, port: number, [kind, bytes]: [string, () => Buffer]): Promise<string> {
  return new Promise((resolve) => {
    const socket: Socket = connect(port, host, () => {
      socket.write(bytes());
      // A half-finished handshake: stop sending and hang up shortly.
      if (kind === 'half-finished handshake') setTimeout(() => socket.end(), 20);
    });
    const timer = setTimeout(() => socket.destroy(), 3000);
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      if (!answer) answer = chunk.subarray(0, 7).toString('hex');
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(`${kind}: ${answer || 'closed'}`);
    });
  });
}
