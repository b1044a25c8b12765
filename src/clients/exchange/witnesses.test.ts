import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { StartedMock } from '../../../mocks/admin';
import { startExchangeMock } from '../../../mocks/exchange';
import { PAT, seedSample } from '../../../mocks/exchange/test-fixtures';
import { evaluateCheck } from '../../../steps/support/verify';
import { AdminClient } from '../../harness/admin-client';
import { ExchangeAdmin } from '../../harness/service-admin';
import { oabProfile, searchableAt } from '../../model/oab';
import { part } from '../../model/verdict';
import { OutlookSimulator } from './outlook';

/**
 * The OAB checks can fail: when the mock runs another schedule than the model assumes, the Outlook
 * simulator sees the change at another time and the check says the witnesses disagree.
 */
let mock: StartedMock;
const dir = mkdtempSync(join(tmpdir(), 'witnesses-'));
before(async () => {
  mock = await startExchangeMock({});
  await seedSample(mock);
});
after(async () => {
  await mock.stop();
  rmSync(dir, { recursive: true, force: true });
});

const at = (day: number, h: number) => Date.UTC(2014, 11, day, h);

async function firstSeen(profile: string): Promise<number | undefined> {
  const admin = new AdminClient(mock.urls.admin);
  await admin.reset();
  await new ExchangeAdmin(admin).setOabSchedule(profile);
  const outlook = new OutlookSimulator(
    {
      version: 2013,
      mode: 'cached',
      profileDir: mkdtempSync(join(dir, 'p-')),
      mailAddress: 'pat.kim@xyz.corp',
      credentials: PAT,
      records: { 'xyz.corp': mock.urls.autodiscover },
    },
    at(1, 9),
  );
  await admin.setClock(new Date(at(1, 9)));
  await outlook.checkOab(at(1, 9));
  await admin.setClock(new Date(at(1, 14)));
  const nora = {
    dn: 'CN=Nora Vik,OU=External Contacts,DC=xyz,DC=corp',
    attributes: { objectClass: ['contact'], displayName: ['Nora Vik'], mail: ['nora.vik@fabrikam.example'] },
  };
  await new ExchangeAdmin(admin).upsertRecipients([nora]);
  for (let check = at(2, 9); check <= at(3, 9); check = outlook.nextCheckAt()) {
    await admin.setClock(new Date(check));
    await outlook.checkOab(check);
    if (outlook.localRecords().some((r) => r.displayName === 'Nora Vik')) return check;
  }
  return undefined;
}

test('model and Outlook agree when the mock runs the profile the model assumes', async () => {
  const model = part(searchableAt(oabProfile('exchange2010'), at(1, 14), at(1, 9)), 'downloadedAt');
  const record = evaluateCheck({
    rule: 'OAB-05',
    claim: 'when the change reaches Outlook',
    expected: at(3, 9),
    model,
    observations: [{ witness: 'client:outlook', value: await firstSeen('exchange2010') }],
  });
  assert.equal(record.verdict, 'agree');
});

test('they disagree, and the check fails, when the mock runs the Exchange 2013 schedule instead', async () => {
  const model = part(searchableAt(oabProfile('exchange2010'), at(1, 14), at(1, 9)), 'downloadedAt');
  const seen = await firstSeen('exchange2013');
  assert.equal(seen, at(2, 9), 'under Exchange 2013 the change reaches Outlook on Tuesday');
  const record = evaluateCheck({
    rule: 'OAB-05',
    claim: 'when the change reaches Outlook',
    expected: at(3, 9),
    model,
    observations: [{ witness: 'client:outlook', value: seen }],
  });
  assert.equal(record.verdict, 'disagree');
});
