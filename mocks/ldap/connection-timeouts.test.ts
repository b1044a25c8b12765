import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { StartedMock } from '../admin';
import { startLdapMock } from './index';
import { assertNotice, sendUntilClosed } from './wire-test-helpers';

/** Each test waits for the close event itself: the short limits decide when, the test never sleeps. */
const HALF_FRAME = Buffer.from([0x30, 0x20, 0x02, 0x01, 0x01, 0x63]);
/**
 * The start of a message that announces 32,767 bytes: a drip of single bytes cannot finish it however
 * slowly the frame deadline fires on a loaded machine (a 32-byte frame was finished by the drip itself).
 */
const LONG_HALF_FRAME = Buffer.from([0x30, 0x82, 0x7f, 0xff, 0x02, 0x01, 0x01, 0x63]);
/** A check that is never answered fails here instead of hanging the run. */
const LIMIT = { timeout: 10_000 };
let stalled: StartedMock;
let idle: StartedMock;

const portOf = (mock: StartedMock) => Number(new URL(mock.urls.ldap).port);

describe('mock DC: stalled and idle connections are closed (limits shortened for the test)', () => {
  before(async () => {
    stalled = await startLdapMock({ limits: { frameTimeoutMs: 100, idleTimeoutMs: 60_000 } });
    idle = await startLdapMock({ limits: { idleTimeoutMs: 100 } });
  });
  after(async () => {
    await stalled.stop();
    await idle.stop();
  });

  it('half a message followed by silence gets a Notice of Disconnection and the close', LIMIT, async () => {
    const text = assertNotice(await sendUntilClosed(portOf(stalled), HALF_FRAME));
    assert.match(text, /not finished within 100 ms/);
  });

  it('more bytes of the same half message do not keep it open', LIMIT, async () => {
    const received: Buffer[] = [];
    const closed = new Promise<void>((resolve) => {
      let drip: NodeJS.Timeout | undefined;
      // The drip starts once the frame's start is written: a byte queued before it would be the stream's first.
      const socket = connect(portOf(stalled), '127.0.0.1', () => {
        socket.write(LONG_HALF_FRAME);
        // One more byte whenever the server's idle timer would be reset by it: only the frame deadline can end this.
        drip = setInterval(() => socket.write(Buffer.from([0x04])), 20);
      });
      socket.on('data', (chunk) => received.push(chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(drip);
        resolve();
      });
    });
    await closed;
    assert.match(assertNotice(Buffer.concat(received)), /not finished/);
  });

  it('a connection that sends nothing is closed after the idle time, without a notice', LIMIT, async () => {
    assert.equal((await sendUntilClosed(portOf(idle))).length, 0);
  });
});
