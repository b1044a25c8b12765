import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { StartedMock } from '../../../mocks/admin';
import { startExchangeMock } from '../../../mocks/exchange';
import { PAT, seedSample } from '../../../mocks/exchange/test-fixtures';
import { AdminClient } from '../../harness/admin-client';
import { LyncForWindows } from './lync-windows';
import { OutlookSimulator } from './outlook';

let mock: StartedMock;
before(async () => {
  mock = await startExchangeMock({});
  await seedSample(mock);
});
after(() => mock.stop());

const MONDAY_9 = Date.UTC(2014, 11, 1, 9);
const setClock = (t: number) => new AdminClient(mock.urls.admin).setClock(new Date(t));

test('cached Outlook downloads the OAB, gets 304 while nothing changed, and stamps its files with the virtual time', async () => {
  const records = { 'xyz.corp': mock.urls.autodiscover };
  const outlook = new OutlookSimulator(
    {
      version: 2013,
      mode: 'cached',
      profileDir: mkdtempSync(join(tmpdir(), 'outlook-test-')),
      mailAddress: 'pat.kim@xyz.corp',
      credentials: PAT,
      records,
    },
    MONDAY_9,
  );
  assert.deepEqual(outlook.oabFiles(), []);
  await setClock(MONDAY_9);
  assert.equal((await outlook.checkOab(MONDAY_9)).outcome, 'downloaded');
  const files = outlook.oabFiles();
  assert.equal(files.length, 1);
  assert.equal(files[0].modified, '2014-12-01T09:00:00.000Z');
  assert.equal((await outlook.checkOab(MONDAY_9 + 60_000)).detail, '304 Not Modified');
  assert.equal(outlook.nextCheckAt(), MONDAY_9 + 60_000 + 86_400_000);
  await setClock(MONDAY_9 + 2 * 3_600_000); // Monday 11:00: the 05:00 generation reaches the virtual directory
  const second = await outlook.checkOab(MONDAY_9 + 2 * 3_600_000);
  assert.deepEqual([second.outcome, second.sequence], ['downloaded', 2]);
  const lync = new LyncForWindows(
    { signInAddress: 'pat.kim@xyz.corp', password: PAT.password, records },
    outlook,
  );
  const found = await lync.search('Jed');
  assert.deepEqual(found.names, ['Jed Hill']);
  assert.match(found.sources.mapi, /^oab: 1 found/);
  assert.equal(found.sources.ews, 'ErrorNameResolutionNoResults');
  const journal = await new AdminClient(mock.urls.admin).journal({
    operation: 'autodiscover.GetUserSettings',
  });
  assert.equal(
    journal.at(-1)?.outcome.errorCode,
    'NoError',
    'Lync 2013 discovers EWS with SOAP GetUserSettings',
  );
});
