import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { StartedMock } from '../admin';
import { integer, octets, sequence } from './ber';
import { startLdapMock } from './index';
import { ADMIN_DN, ANNA_FOREST, adminCall, PASSWORD } from './test-helpers';
import { message, responses, sendUntilClosed } from './wire-test-helpers';

const LIMIT = { timeout: 10_000 };

/** A subtree search under OU=Users for (sAMAccountName=<name>), cn only. */
function search(id: number, name: string): Buffer {
  const limits = [integer(2, 0x0a), integer(0, 0x0a), integer(0), integer(0), Buffer.from([1, 1, 0])];
  const filter = sequence([octets('sAMAccountName'), octets(name)], 0xa3);
  return message(
    sequence([octets('OU=Users,DC=abc,DC=corp'), ...limits, filter, sequence([octets('cn')])], 0x63),
    id,
  );
}

/** Sends the bytes and resolves with the answers once `count` messages have come back (the connection stays open). */
function answersOf(port: number, bytes: Buffer, count: number): Promise<ReturnType<typeof responses>> {
  return new Promise((resolve, reject) => {
    const received: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      received.push(chunk);
      let answers: ReturnType<typeof responses>;
      try {
        answers = responses(Buffer.concat(received));
      } catch {
        return; // a message cut in two: the rest is on its way
      }
      if (answers.length < count) return;
      socket.destroy();
      resolve(answers);
    });
  });
}

describe('mock DC: requests that arrive together (pipelined in one write)', () => {
  let mock: StartedMock;
  let port: number;
  before(async () => {
    mock = await startLdapMock({ service: 'ldap-pipelined' });
    port = Number(new URL(mock.urls.ldap).port);
    assert.equal((await adminCall(mock, 'PUT', '/__admin/data', ANNA_FOREST)).status, 200);
  });
  after(() => mock.stop());

  it('are all answered, in order, on a connection that stays open', LIMIT, async () => {
    const bind = message(sequence([integer(3), octets(ADMIN_DN), octets(PASSWORD, 0x80)], 0x60), 1);
    assert.deepEqual(
      await answersOf(port, Buffer.concat([bind, search(2, 'nobody'), search(3, 'aberg')]), 4),
      [
        { id: 1, op: 0x61, code: 0 },
        { id: 2, op: 0x65, code: 0 },
        { id: 3, op: 0x64 },
        { id: 3, op: 0x65, code: 0 },
      ],
    );
  });

  it('are all answered, in order, also when an unbind closes the batch', LIMIT, async () => {
    const bind = message(sequence([integer(3), octets(ADMIN_DN), octets(PASSWORD, 0x80)], 0x60), 1);
    const unbind = message(Buffer.from([0x42, 0x00]), 5);
    const batch = Buffer.concat([bind, search(2, 'aberg'), search(3, 'nobody'), search(4, 'aberg'), unbind]);
    assert.deepEqual(responses(await sendUntilClosed(port, batch)), [
      { id: 1, op: 0x61, code: 0 },
      { id: 2, op: 0x64 },
      { id: 2, op: 0x65, code: 0 },
      { id: 3, op: 0x65, code: 0 },
      { id: 4, op: 0x64 },
      { id: 4, op: 0x65, code: 0 },
    ]);
  });
});
