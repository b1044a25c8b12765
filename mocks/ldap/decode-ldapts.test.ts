import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { AbandonRequest, Attribute, Change, Client, PagedResultsControl, UnbindRequest } from 'ldapts';
import { startRecordingPeer } from './recording-peer';

let peer: Awaited<ReturnType<typeof startRecordingPeer>>;

describe('decoders: every operation as ldapts sends it', () => {
  before(async () => {
    peer = await startRecordingPeer();
  });
  beforeEach(() => {
    peer.seen.length = 0;
  });
  afterEach(() => assert.deepEqual(peer.errors, []));
  after(() => peer.close());

  it('ldapts: abandon and unbind as its encoder writes them (the tools send no abandon on request)', async () => {
    const socket = connect(peer.port, '127.0.0.1');
    socket.write(new AbandonRequest({ messageId: 5, abandonId: 300 }).write());
    socket.write(new UnbindRequest({ messageId: 6 }).write());
    await once(socket, 'close');
    assert.deepEqual(peer.seen, [
      { op: 'abandon', messageId: 5, abandonId: 300 },
      { op: 'unbind', messageId: 6 },
    ]);
  });

  it('ldapts: SASL bind, binary equality, paged search, add, modify, modifyDN, compare, exop', async () => {
    const client = new Client({ url: peer.url });
    await client.bind('EXTERNAL');
    assert.equal(peer.only('bind').mechanism, 'EXTERNAL');
    assert.equal(peer.only('bind').sasl, true);
    await client.search('DC=abc,DC=corp', {
      filter: '(objectGUID=\\01\\7f\\00\\20)',
      attributes: ['1.1'],
      paged: { pageSize: 10 },
    });
    const search = peer.only('search');
    assert.deepEqual(search.filter, {
      kind: 'equal',
      attribute: 'objectGUID',
      value: '\x01\x7f\x00 ',
      raw: Buffer.from([1, 0x7f, 0, 0x20]),
    });
    assert.equal((search.controls[0].value as { size: number }).size, 10);
    await client.add('CN=x,DC=abc,DC=corp', [
      new Attribute({ type: 'objectGUID', values: [Buffer.from([9, 8])] }),
    ]);
    assert.deepEqual(peer.only('add').attributes, [{ name: 'objectGUID', values: [new Uint8Array([9, 8])] }]);
    await client.modify('CN=x,DC=abc,DC=corp', [
      new Change({ operation: 'replace', modification: new Attribute({ type: 'info', values: ['a', 'b'] }) }),
    ]);
    assert.deepEqual(peer.only('modify').changes, [
      { operation: 'replace', name: 'info', values: ['a', 'b'] },
    ]);
    await client.modifyDN('CN=x,DC=abc,DC=corp', 'CN=y');
    assert.deepEqual(
      { ...peer.only('modifyDn'), messageId: 0 },
      { op: 'modifyDn', messageId: 0, dn: 'CN=x,DC=abc,DC=corp', newRdn: 'CN=y', deleteOldRdn: true },
    );
    assert.equal(await client.compare('CN=x,DC=abc,DC=corp', 'cn', 'x'), true);
    await client.exop('1.3.6.1.4.1.4203.1.11.3');
    assert.equal(peer.only('extended').name, '1.3.6.1.4.1.4203.1.11.3');
    await client.del('CN=x,DC=abc,DC=corp', new PagedResultsControl({ value: { size: 1 } }));
    assert.equal(peer.only('delete').dn, 'CN=x,DC=abc,DC=corp');
    await client.unbind();
  });
});
