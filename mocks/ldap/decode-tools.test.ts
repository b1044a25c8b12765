import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { startRecordingPeer } from './recording-peer';

/**
 * ldapsearch, ldapadd, ldapmodify, ldapdelete, ldapmodrdn, ldapcompare and ldapexop through the
 * listener and the decoders: what is decoded is what the tool was asked to send.
 */

let peer: Awaited<ReturnType<typeof startRecordingPeer>>;

describe('decoders: every operation as the OpenLDAP tools send it', () => {
  before(async () => {
    peer = await startRecordingPeer();
  });
  beforeEach(() => {
    peer.seen.length = 0;
  });
  afterEach(() => assert.deepEqual(peer.errors, []));
  after(() => peer.close());

  it('ldapsearch: simple bind, search with every filter kind and the paged control, unbind', async () => {
    const filter =
      '(&(objectCategory=person)(|(cn=Ann*e*g)(!(mail=*)))(userAccountControl:1.2.840.113556.1.4.803:=2)(uSNChanged>=100)(sn<=z)(givenName~=anna)(objectGUID=\\01\\ff\\00\\80))';
    const base = 'OU=Staff,DC=abc,DC=corp';
    const guid = Buffer.from([1, 0xff, 0, 0x80]);
    const options = [
      '-D',
      'ABC\\aberg',
      '-w',
      'pa ss',
      '-b',
      base,
      '-s',
      'one',
      '-z',
      '25',
      '-E',
      'pr=100/noprompt',
    ];
    await peer.tool('ldapsearch', [...options, filter, 'cn', 'mail']);
    assert.deepEqual(peer.only('bind'), {
      op: 'bind',
      messageId: 1,
      name: 'ABC\\aberg',
      password: 'pa ss',
      sasl: false,
    });
    const search = peer.only('search');
    assert.deepEqual(
      { ...search, filter: undefined },
      {
        op: 'search',
        messageId: 2,
        base,
        scope: 'one',
        filter: undefined,
        attributes: ['cn', 'mail'],
        sizeLimit: 25,
        controls: [
          { oid: '1.2.840.113556.1.4.319', critical: false, value: { size: 100, cookie: Buffer.alloc(0) } },
        ],
      },
    );
    assert.deepEqual(search.filter, {
      kind: 'and',
      filters: [
        { kind: 'equal', attribute: 'objectCategory', value: 'person' },
        {
          kind: 'or',
          filters: [
            { kind: 'substring', attribute: 'cn', initial: 'Ann', any: ['e'], final: 'g' },
            { kind: 'not', filter: { kind: 'present', attribute: 'mail' } },
          ],
        },
        { kind: 'extensible', attribute: 'userAccountControl', rule: '1.2.840.113556.1.4.803', value: '2' },
        { kind: 'ge', attribute: 'uSNChanged', value: '100' },
        { kind: 'le', attribute: 'sn', value: 'z' },
        { kind: 'approx', attribute: 'givenName', value: 'anna' },
        { kind: 'equal', attribute: 'objectGUID', value: guid.toString('utf8'), raw: guid },
      ],
    });
    assert.equal(peer.seen.at(-1)?.op, 'unbind');
  });

  it('ldapadd: a UTF-8 DN, several values, a binary attribute kept as bytes', async () => {
    const photo = Buffer.from([0xff, 0xd8, 0x00, 0x10, 0x80]);
    const ldif = `dn: CN=Renée Roy,OU=Staff,DC=abc,DC=corp\nobjectClass: top\nobjectClass: contact\ncn: Renée Roy\nthumbnailPhoto:: ${photo.toString('base64')}\n`;
    await peer.tool('ldapadd', ['-D', 'CN=Administrator,CN=Users,DC=abc,DC=corp', '-w', 'pw'], ldif);
    assert.deepEqual(peer.only('add'), {
      op: 'add',
      messageId: 2,
      dn: 'CN=Renée Roy,OU=Staff,DC=abc,DC=corp',
      attributes: [
        { name: 'objectClass', values: ['top', 'contact'] },
        { name: 'cn', values: ['Renée Roy'] },
        { name: 'thumbnailPhoto', values: [new Uint8Array(photo)] },
      ],
    });
  });

  it('ldapmodify: add, delete and replace changes, a delete of a whole attribute', async () => {
    const dn = 'CN=Anna Berg,OU=Users,DC=abc,DC=corp';
    const ldif = `dn: ${dn}\nchangetype: modify\nadd: proxyAddresses\nproxyAddresses: smtp:a@x.com\nproxyAddresses: SIP:a@x.com\n-\ndelete: mobile\n-\ndelete: mail\nmail: old@abc.corp\n-\nreplace: title\ntitle: Engineer\n-\n`;
    await peer.tool('ldapmodify', [], ldif);
    assert.deepEqual(peer.only('modify'), {
      op: 'modify',
      messageId: 2,
      dn,
      changes: [
        { operation: 'add', name: 'proxyAddresses', values: ['smtp:a@x.com', 'SIP:a@x.com'] },
        { operation: 'delete', name: 'mobile', values: [] },
        { operation: 'delete', name: 'mail', values: ['old@abc.corp'] },
        { operation: 'replace', name: 'title', values: ['Engineer'] },
      ],
    });
  });

  it('ldapdelete, ldapmodrdn (with a new superior), ldapcompare and ldapexop', async () => {
    const dn = 'CN=Pat Kim,OU=Users,DC=abc,DC=corp';
    await peer.tool('ldapdelete', [dn]);
    assert.deepEqual(peer.only('delete'), { op: 'delete', messageId: 2, dn });
    peer.seen.length = 0;
    await peer.tool('ldapmodrdn', ['-r', '-s', 'OU=Staff,DC=abc,DC=corp', dn, 'CN=Pat Kim-Lee']);
    assert.deepEqual(peer.only('modifyDn'), {
      op: 'modifyDn',
      messageId: 2,
      dn,
      newRdn: 'CN=Pat Kim-Lee',
      deleteOldRdn: true,
      newSuperior: 'OU=Staff,DC=abc,DC=corp',
    });
    peer.seen.length = 0;
    await peer.tool('ldapcompare', [dn, 'department:Sales Ops']);
    assert.deepEqual(peer.only('compare'), {
      op: 'compare',
      messageId: 2,
      dn,
      attribute: 'department',
      value: 'Sales Ops',
    });
    peer.seen.length = 0;
    await peer.tool('ldapexop', ['1.3.6.1.4.1.4203.1.11.3']);
    await peer.tool('ldapexop', ['1.2.3.4:some data']);
    const [whoami, other] = peer.seen.filter((r) => r.op === 'extended');
    assert.deepEqual(whoami, { op: 'extended', messageId: 2, name: '1.3.6.1.4.1.4203.1.11.3' });
    assert.deepEqual(other, {
      op: 'extended',
      messageId: 2,
      name: '1.2.3.4',
      value: Buffer.from('some data'),
    });
  });
});
