import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { Client } from 'ldapts';
import { writeLdif } from '../../src/tenant/ldif-writer';
import { buildSampleTenant } from '../../src/tenant/sample';
import { adminHeaders, type StartedMock } from '../admin';
import { startLdapMock } from './index';

const run = promisify(execFile);
const ADMIN = 'CN=Administrator,CN=Users,DC=abc,DC=corp';
const PW = 'Passw0rd!';
let mock: StartedMock;

async function admin(method: string, path: string, body?: string) {
  const res = await fetch(`${mock.urls.admin}${path}`, { method, body, headers: adminHeaders() });
  return { status: res.status, json: await res.json() };
}

async function ldapsearch(...args: string[]) {
  try {
    const { stdout } = await run('ldapsearch', [
      '-x',
      '-LLL',
      '-o',
      'ldif-wrap=no',
      '-H',
      mock.urls.ldap,
      ...args,
    ]);
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

describe('mock domain controller (ABC forest of the sample tenant, 3,000 extra objects)', () => {
  before(async () => {
    mock = await startLdapMock({ service: 'ldap-onpremises' });
    const abc = buildSampleTenant({ extraObjects: 3000 }).forests[0];
    const loaded = await admin('PUT', '/__admin/data', writeLdif(abc.entries));
    assert.equal(loaded.status, 200);
  });
  after(() => mock.stop());

  it('ldapsearch binds by UPN and reads a paged subtree past the 1,000 limit', async () => {
    const r = await ldapsearch(
      '-D',
      'aberg@abc.corp',
      '-w',
      PW,
      '-b',
      'DC=abc,DC=corp',
      '-E',
      'pr=500/noprompt',
      '(objectClass=*)',
      'dn',
    );
    assert.equal(r.code, 0, r.out);
    assert.ok((r.out.match(/^dn: /gm) ?? []).length > 500, 'more than one page of entries');
  });

  it('answers sizeLimitExceeded after 1,000 entries without the paging control', async () => {
    const r = await ldapsearch('-D', 'ABC\\aberg', '-w', PW, '-b', 'DC=abc,DC=corp', '(objectClass=*)', 'dn');
    assert.equal(r.code, 4, r.out);
    assert.equal((r.out.match(/^dn: /gm) ?? []).length, 1000);
  });

  it('ldapsearch finds Anna Berg by anr on first and last name', async () => {
    const r = await ldapsearch(
      '-D',
      ADMIN,
      '-w',
      PW,
      '-b',
      'DC=abc,DC=corp',
      '(anr=Anna B)',
      'cn',
      'memberOf',
    );
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^dn: CN=Anna Berg,OU=Users,DC=abc,DC=corp$/m);
    assert.match(r.out, /^memberOf: CN=CSLyncRecordingUsers,OU=Groups,DC=abc,DC=corp$/m);
  });

  it('a bad password answers 49 with AD data 52e, and an anonymous search operationsError', async () => {
    const bad = await ldapsearch('-D', 'aberg@abc.corp', '-w', 'wrong', '-b', 'DC=abc,DC=corp', '(cn=*)');
    assert.equal(bad.code, 49);
    assert.match(bad.out, /80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext error, data 52e/);
    const anonymous = await ldapsearch('-b', 'DC=abc,DC=corp', '(cn=*)');
    assert.equal(anonymous.code, 1);
    assert.match(anonymous.out, /a successful bind must be completed/);
    const rootDse = await ldapsearch('-b', '', '-s', 'base', 'defaultNamingContext');
    assert.match(rootDse.out, /^defaultNamingContext: DC=abc,DC=corp$/m);
  });

  it('ldapts: in-chain membership, bit rules, objectGUID bytes and the documented group query', async () => {
    const client = new Client({ url: mock.urls.ldap });
    await client.bind(ADMIN, PW);
    const chain = await client.search('DC=abc,DC=corp', {
      filter: '(memberOf:1.2.840.113556.1.4.1941:=CN=CSLyncRecordingUsers,OU=Groups,DC=abc,DC=corp)',
      attributes: ['cn'],
    });
    assert.ok(
      chain.searchEntries.some((e) => e.cn === 'Mia Stone'),
      'nested member found in chain',
    );
    const group = await client.search('DC=abc,DC=corp', {
      filter: '(&(objectCategory=Group)(SamAccountName=CSLyncRecordingUsers))',
      attributes: ['member', 'objectGUID'],
      explicitBufferAttributes: ['objectGUID'],
    });
    assert.equal(group.searchEntries.length, 1);
    assert.equal((group.searchEntries[0].objectGUID as Buffer).length, 16);
    const security = await client.search('DC=abc,DC=corp', {
      filter: '(groupType:1.2.840.113556.1.4.803:=2147483648)',
      attributes: ['cn'],
    });
    assert.ok(security.searchEntries.length >= 3);
    await assert.rejects(
      client.add('CN=Bad Contact,OU=GALSync,DC=abc,DC=corp', {
        objectClass: ['top', 'contact'],
        sAMAccountName: 'bad',
      }),
      (e: { code?: number }) => e.code === 65,
    );
    await client.unbind();
  });

  it('survives 1,000 malformed frames and then serves a normal search', async () => {
    const port = Number(new URL(mock.urls.ldap).port);
    const frames = [
      Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff]),
      Buffer.from([0x30, 0x03, 0x02, 0x01]),
      Buffer.from([0x30, 0x05, 0x02, 0x01, 0x01, 0x7f, 0x00]),
      Buffer.from('not ldap at all\r\n'),
      Buffer.from([0x30, 0x06, 0x02, 0x01, 0x01, 0x60, 0x01, 0xff]),
    ];
    for (let i = 0; i < 1000; i += 10) {
      await Promise.all(
        Array.from(
          { length: 10 },
          (_, j) =>
            new Promise<void>((resolve) => {
              const socket = connect(port, '127.0.0.1', () => socket.end(frames[(i + j) % frames.length]));
              socket.resume(); // reads the Notice of Disconnection, so the server's close is seen
              socket.on('error', () => resolve());
              socket.on('close', () => resolve());
              socket.setTimeout(2000, () => socket.destroy());
            }),
        ),
      );
    }
    const r = await ldapsearch('-D', ADMIN, '-w', PW, '-b', 'DC=abc,DC=corp', '(sAMAccountName=aberg)', 'cn');
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^cn: Anna Berg$/m);
  });

  it('a dropped connection and a delay are injected faults, and the next search is served', async () => {
    await admin(
      'POST',
      '/__admin/faults',
      JSON.stringify({ kind: 'reset', operation: 'ldap.search', times: 1 }),
    );
    const dropped = await ldapsearch('-D', ADMIN, '-w', PW, '-b', 'DC=abc,DC=corp', '(cn=Anna Berg)', 'cn');
    assert.notEqual(dropped.code, 0);
    await admin(
      'POST',
      '/__admin/faults',
      JSON.stringify({ kind: 'delay', delayMs: 300, operation: 'ldap.search', times: 1 }),
    );
    const started = Date.now();
    const delayed = await ldapsearch('-D', ADMIN, '-w', PW, '-b', 'DC=abc,DC=corp', '(cn=Anna Berg)', 'cn');
    assert.equal(delayed.code, 0);
    assert.ok(Date.now() - started >= 300);
    const journal = await admin('GET', '/__admin/journal?operation=ldap.search');
    const entries = (journal.json as { entries: Array<{ fault?: string }> }).entries;
    assert.ok(entries.some((e) => e.fault === 'reset'));
  });

  it('malformed LDIF gets a 400 naming the line and keeps the loaded data', async () => {
    const bad = await admin(
      'PUT',
      '/__admin/data',
      'dn: CN=x,DC=abc,DC=corp\nobjectClass: top\nthis line is wrong\n',
    );
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.json), /line 3/);
    const r = await ldapsearch('-D', ADMIN, '-w', PW, '-b', 'DC=abc,DC=corp', '(sAMAccountName=aberg)', 'cn');
    assert.match(r.out, /^cn: Anna Berg$/m);
  });

  it('busy and unavailable faults answer 51 and 52; reset undoes writes', async () => {
    await admin(
      'POST',
      '/__admin/faults',
      JSON.stringify({ kind: 'error', code: 51, operation: 'ldap.search', times: 1 }),
    );
    const busy = await ldapsearch('-D', ADMIN, '-w', PW, '-b', 'DC=abc,DC=corp', '(cn=Anna Berg)', 'cn');
    assert.equal(busy.code, 51);
    const client = new Client({ url: mock.urls.ldap });
    await client.bind(ADMIN, PW);
    await client.del('CN=Anna Berg,OU=Users,DC=abc,DC=corp');
    assert.equal(
      (await client.search('DC=abc,DC=corp', { filter: '(cn=Anna Berg)' })).searchEntries.length,
      0,
    );
    await admin('POST', '/__admin/reset', '{}');
    const back = await client.search('DC=abc,DC=corp', {
      filter: '(cn=Anna Berg)',
      attributes: ['memberOf'],
    });
    assert.equal(back.searchEntries.length, 1);
    assert.ok(
      String(back.searchEntries[0].memberOf).includes('CSLyncRecordingUsers'),
      'group membership restored',
    );
    await client.unbind();
  });
});
