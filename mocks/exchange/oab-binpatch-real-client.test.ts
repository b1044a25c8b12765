import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OutlookSimulator } from '../../src/clients/exchange/outlook';
import { DirectoryEntry } from '../../src/tenant/entry';
import { patchWithLibmspack } from '../../tools/oab-decode/build';
import { adminHeaders, type StartedMock } from '../admin';
import { startExchangeMock } from './index';
import { basic, PAT, seedSample } from './test-fixtures';

let mock: StartedMock;
const dir = mkdtempSync(join(tmpdir(), 'exchange-binpatch-'));
const MONDAY_9 = Date.UTC(2014, 11, 1, 9);
const TUESDAY_11 = Date.UTC(2014, 11, 2, 11);

before(async () => {
  mock = await startExchangeMock({});
  await seedSample(mock);
});
after(() => mock.stop());

const admin = (path: string, method: string, body: unknown) =>
  fetch(`${mock.urls.admin}${path}`, {
    method,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...adminHeaders() },
  });

const nora = new DirectoryEntry('CN=Nora Vik,OU=External Contacts,DC=xyz,DC=corp', {
  objectClass: ['top', 'person', 'organizationalPerson', 'contact'],
  cn: 'Nora Vik',
  displayName: 'Nora Vik',
  mail: 'nora.vik@fabrikam.example',
  mailNickname: 'nora.vik',
  targetAddress: 'SMTP:nora.vik@fabrikam.example',
  proxyAddresses: ['SMTP:nora.vik@fabrikam.example'],
  'msRTCSIP-PrimaryUserAddress': 'sip:nora.vik@fabrikam.example',
});

test('Outlook patches its OAB with the served binpatch, and libmspack applies the same file to the same base', async () => {
  const outlook = new OutlookSimulator(
    {
      version: 2013,
      mode: 'cached',
      profileDir: mkdtempSync(join(tmpdir(), 'outlook-binpatch-')),
      mailAddress: 'pat.kim@xyz.corp',
      credentials: PAT,
      records: { 'xyz.corp': mock.urls.autodiscover },
    },
    MONDAY_9,
  );
  await admin('/__admin/clock', 'PUT', { now: new Date(MONDAY_9).toISOString() });
  const first = await outlook.checkOab(MONDAY_9);
  assert.equal(first.kind, 'full');
  const local = join(outlook.folder, outlook.oabFiles()[0].path);
  const base = join(dir, 'base.oab');
  copyFileSync(local, base);

  await admin('/__admin/recipients', 'POST', [nora.toJSON()]);
  await admin('/__admin/clock', 'PUT', { now: new Date(TUESDAY_11).toISOString() });
  const second = await outlook.checkOab(TUESDAY_11);
  assert.equal(second.kind, 'diff', JSON.stringify(second));
  // The Monday 05:00 generation reached the virtual directory at 11:00, after Outlook's download: two files.
  assert.equal(second.files?.length, 2);
  assert.ok(outlook.localRecords().some((r) => r.displayName === 'Nora Vik'));

  const oab = `${mock.urls.http}/OAB/c6a1f0f4-5b7e-4a0b-8f3e-0d9a6b2c4e71/`;
  const manifest = await (await fetch(`${oab}oab.xml`, { headers: { authorization: basic(PAT) } })).text();
  assert.match(
    manifest,
    new RegExp(
      `<Diff seq="${second.sequence}" ver="32" size="\\d+" uncompressedsize="\\d+" SHA="[0-9a-f]{40}">[^<]+-binpatch-${second.sequence}\\.lzx</Diff>`,
    ),
  );
  let patched = base;
  let patch = '';
  for (const [i, file] of second.files!.entries()) {
    patch = join(dir, file);
    const served = await fetch(`${oab}${file}`, { headers: { authorization: basic(PAT) } });
    writeFileSync(patch, Buffer.from(await served.arrayBuffer()));
    patchWithLibmspack(patch, patched, join(dir, `patched-${i}.oab`));
    patched = join(dir, `patched-${i}.oab`);
  }
  assert.deepEqual(
    readFileSync(patched),
    readFileSync(local),
    "libmspack's result is the OAB Outlook installed",
  );

  // The base the last patch was made from, with one byte of one record changed: a damaged local OAB.
  const damaged = readFileSync(join(dir, 'patched-0.oab'));
  damaged[damaged.length >> 1] ^= 0x20;
  writeFileSync(join(dir, 'damaged.oab'), damaged);
  assert.throws(
    () => patchWithLibmspack(patch, join(dir, 'damaged.oab'), join(dir, 'wrong.oab')),
    /checksum mismatch/,
    'the patch applied to a base that is not the one it was made from fails its CRC',
  );
});
