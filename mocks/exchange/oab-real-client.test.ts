import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { readFullDetails, unpackLzxContainer } from '../../src/clients/exchange/oab-decoder';
import { decodeWithLibmspack } from '../../tools/oab-decode/build';
import { adminHeaders, type StartedMock } from '../admin';
import { startExchangeMock } from './index';
import { basic, exportedSampleEntries, PAT, seedSample } from './test-fixtures';

let mock: StartedMock;
const dir = mkdtempSync(join(tmpdir(), 'exchange-oab-'));
const oabBase = () => `${mock.urls.http}/OAB/c6a1f0f4-5b7e-4a0b-8f3e-0d9a6b2c4e71/`;

before(async () => {
  mock = await startExchangeMock({});
  await seedSample(mock);
});
after(() => mock.stop());

/** curl runs as a child process while this process serves it, so it must not block the event loop. */
async function curl(...args: string[]): Promise<string> {
  return (await promisify(execFile)('curl', ['-sS', '--fail-with-body', ...args], { encoding: 'utf8' }))
    .stdout;
}

test('curl fetches oab.xml with Basic authentication, and the Full file it names', async () => {
  const manifest = await curl('-u', `${PAT.login}:${PAT.password}`, `${oabBase()}oab.xml`);
  assert.match(manifest, /<OAL id="[0-9a-f-]{36}" dn="\/" name="\\Global Address List">/);
  const full =
    /<Full seq="1" ver="32" size="(\d+)" uncompressedsize="(\d+)" SHA="([0-9a-f]{40})">([^<]+)<\/Full>/.exec(
      manifest,
    );
  assert.ok(full, manifest);
  const out = join(dir, full[4]);
  await curl('-u', `${PAT.login}:${PAT.password}`, '-o', out, `${oabBase()}${full[4]}`);
  const sha = execFileSync('sha1sum', [out], { encoding: 'utf8' }).split(' ')[0];
  assert.equal(sha, full[3]);
});

test('libmspack decodes the served OAB into the GAL that was served: names, SMTP, SIP proxy addresses', async () => {
  const manifest = await (
    await fetch(`${oabBase()}oab.xml`, { headers: { authorization: basic(PAT) } })
  ).text();
  const name = /<Full[^>]*>([^<]+)<\/Full>/.exec(manifest)![1];
  const file = Buffer.from(
    await (await fetch(`${oabBase()}${name}`, { headers: { authorization: basic(PAT) } })).arrayBuffer(),
  );
  const lzx = join(dir, 'served.lzx');
  writeFileSync(lzx, file);
  const byLibmspack = decodeWithLibmspack(lzx, join(dir, 'served.oab'));
  assert.deepEqual(byLibmspack, unpackLzxContainer(file), 'libmspack and the client agree byte for byte');
  const details = readFullDetails(byLibmspack);
  const served = exportedSampleEntries();
  assert.equal(details.records.length, served.length);
  const names = details.records.map((r) => r.displayName).sort();
  assert.deepEqual(names, served.map((e) => e.first('displayName')).sort());
  const smtp = details.records.map((r) => r.smtpAddress).sort();
  assert.deepEqual(smtp, served.map((e) => e.first('mail')).sort());
  for (const contact of served.filter((e) => e.isA('contact') && e.has('msRTCSIP-PrimaryUserAddress'))) {
    const record = details.records.find((r) => r.displayName === contact.first('displayName'))!;
    const sip = `SIP:${contact.first('msRTCSIP-PrimaryUserAddress')!.replace(/^sip:/i, '')}`;
    assert.ok(record.proxyAddresses.includes(sip), `${contact.dn}: ${record.proxyAddresses}`);
  }
  const jed = details.records.find((r) => r.displayName === 'Jed Hill')!;
  assert.equal(jed.smtpAddress, 'jed.hill@fabrikam.example');
  assert.equal(jed.displayType, 6, 'an external contact is a REMOTE_MAILUSER');
  assert.ok(jed.proxyAddresses.includes('SIP:jed.hill@fabrikam.example'), String(jed.proxyAddresses));
  const anna = details.records.find((r) => r.displayName === 'Anna Berg')!;
  assert.ok(anna.proxyAddresses.includes('SIP:anna.berg@abc.corp'));
  assert.equal(
    details.records.find((r) => r.displayName === 'Fiona Grant'),
    undefined,
    'no mailNickname: not exported',
  );
});

test('oab.xml answers 304 to the ETag it gave until a new OAB is distributed', async () => {
  const headers = { authorization: basic(PAT) };
  const first = await fetch(`${oabBase()}oab.xml`, { headers });
  const etag = first.headers.get('etag')!;
  const again = await fetch(`${oabBase()}oab.xml`, { headers: { ...headers, 'if-none-match': etag } });
  assert.equal(again.status, 304);
  await fetch(`${mock.urls.admin}/__admin/clock`, {
    method: 'PUT',
    headers: adminHeaders(),
    body: JSON.stringify({ now: '2014-12-02T11:00:00Z' }),
  });
  const later = await fetch(`${oabBase()}oab.xml`, { headers: { ...headers, 'if-none-match': etag } });
  assert.equal(later.status, 200);
  assert.match(
    await later.text(),
    /seq="3"/,
    'generations Mon 05:00 and Tue 05:00, distributed at Tue 11:00',
  );
});

test('the OAB virtual directory refuses a request without credentials', async () => {
  const r = await fetch(`${oabBase()}oab.xml`);
  assert.equal(r.status, 401);
  assert.match(r.headers.get('www-authenticate') ?? '', /^Basic realm=/);
});
