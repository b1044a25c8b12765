import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from 'ldapts';
import type { StartedMock } from '../admin';
import { integer, octets, sequence } from './ber';
import { startLdapMock } from './index';
import { ADMIN_DN, ANNA_FOREST, adminCall, PASSWORD } from './test-helpers';
import {
  addWithOverlongValue,
  assertNotice,
  message,
  modifyWithOverlongValue,
  responses,
  searchNested,
  sendUntilClosed,
} from './wire-test-helpers';

/** A check that is never answered fails here instead of hanging the run. */
const LIMIT = { timeout: 10_000 };
let mock: StartedMock;
let port: number;
let bystander: Client;

/** The other client, on its own connection all along: answered before and after every bad frame. */
async function bystanderIsServed(): Promise<void> {
  const found = await bystander.search('DC=abc,DC=corp', {
    filter: '(sAMAccountName=aberg)',
    attributes: ['cn'],
  });
  assert.deepEqual(
    found.searchEntries.map((e) => e.cn),
    ['Anna Berg'],
  );
}

/** Sends the frame, expects a Notice of Disconnection and the close, without the process's RSS jumping. */
async function refused(frame: Buffer, why: RegExp): Promise<void> {
  await bystanderIsServed();
  const rss = process.memoryUsage().rss;
  const text = assertNotice(await sendUntilClosed(port, frame));
  assert.match(text, why);
  const grown = process.memoryUsage().rss - rss;
  assert.ok(grown < 64 * 1024 * 1024, `RSS grew by ${Math.round(grown / 1048576)} MB`);
  await bystanderIsServed();
}

describe('mock DC: malformed input gets a Notice of Disconnection and ends that connection only', () => {
  before(async () => {
    mock = await startLdapMock({ service: 'ldap-protocol-errors' });
    port = Number(new URL(mock.urls.ldap).port);
    assert.equal((await adminCall(mock, 'PUT', '/__admin/data', ANNA_FOREST)).status, 200);
    bystander = new Client({ url: mock.urls.ldap });
    await bystander.bind(ADMIN_DN, PASSWORD);
  });
  after(async () => {
    await bystander.unbind();
    await mock.stop();
  });

  it(
    'the 68-byte AddRequest that killed the process: a value claiming more bytes than its SET holds',
    LIMIT,
    async () => {
      const frame = addWithOverlongValue();
      assert.equal(frame.length, 68);
      await refused(frame, /longer than its container/);
    },
  );

  it('a ModifyRequest whose value claims more bytes than its SET holds', LIMIT, async () => {
    await refused(modifyWithOverlongValue(), /longer than its container/);
  });

  it('a length of 0x84 0xFFFFFFFF, on the message and inside it', LIMIT, async () => {
    await refused(Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), /over the limit/);
    const inside = [0x30, 0x0b, 0x02, 0x01, 0x01, 0x68, 0x84, 0xff, 0xff, 0xff, 0xff, 0x04, 0x00];
    await refused(Buffer.from(inside), /longer than its container/);
  });

  it('truncated lengths: length bytes cut off, an element running past its message', LIMIT, async () => {
    await refused(Buffer.from([0x30, 0x05, 0x02, 0x01, 0x01, 0x63, 0x84]), /truncated length/);
    await refused(Buffer.from([0x30, 0x08, 0x02, 0x01, 0x01, 0x4a, 0x09, 0x61, 0x62, 0x63]), /longer than/);
    await refused(Buffer.from([0x30, 0x03, 0x02, 0x05, 0x01]), /longer than its container/);
  });

  it('a message over 10 MB is refused from its header, before its bytes arrive', LIMIT, async () => {
    const header = Buffer.from([0x30, 0x84, 0x00, 0xa0, 0x00, 0x01]);
    await refused(Buffer.concat([header, Buffer.alloc(1000)]), /10485767 bytes is over the limit/);
  });

  it('a filter nested 101 levels deep is refused; 100 levels are answered', LIMIT, async () => {
    await refused(searchNested(101), /nested deeper than 100 levels/);
    const bind = message(sequence([integer(3), octets(ADMIN_DN), octets(PASSWORD, 0x80)], 0x60), 1);
    const unbind = message(Buffer.from([0x42, 0x00]), 3);
    const answers = responses(await sendUntilClosed(port, bind, searchNested(100), unbind));
    assert.deepEqual(answers.at(-1), { id: 1, op: 0x65, code: 0 });
  });

  it('a response sent as a request, an unknown operation, messageID 0', LIMIT, async () => {
    await refused(message(Buffer.from([0x61, 0x00])), /unknown protocolOp 0x61/);
    await refused(message(Buffer.from([0x7f, 0x00])), /unknown protocolOp 0x7f/);
    await refused(sequence([integer(0), Buffer.from([0x42, 0x00])]), /messageID 0 is out of range/);
  });
});
