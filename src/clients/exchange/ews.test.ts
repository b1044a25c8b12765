import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { StartedMock } from '../../../mocks/admin';
import { startExchangeMock } from '../../../mocks/exchange';
import { exportedSampleEntries, PAT, seedSample } from '../../../mocks/exchange/test-fixtures';
import { resolveNames } from './ews';

let mock: StartedMock;
before(async () => {
  mock = await startExchangeMock({});
  await seedSample(mock);
});
after(() => mock.stop());

test('ResolveNames gives each resolution its name, address, type and IM address from the full contact data', async () => {
  const answer = await resolveNames(`${mock.urls.http}/EWS/Exchange.asmx`, 'Pat', PAT);
  assert.ok(answer.ok, JSON.stringify(answer));
  assert.equal(answer.responseCode, 'NoError');
  const pat = exportedSampleEntries().find((e) => e.first('displayName') === 'Pat Kim')!;
  assert.deepEqual(answer.resolutions, [
    {
      name: 'Pat Kim',
      email: pat.first('mail'),
      mailboxType: 'Mailbox',
      sip: pat.first('msRTCSIP-PrimaryUserAddress'),
    },
  ]);
  const several = await resolveNames(`${mock.urls.http}/EWS/Exchange.asmx`, 'Colleague', PAT);
  assert.ok(several.ok && several.resolutions.length > 1, JSON.stringify(several));
  assert.ok(several.ok && several.resolutions.every((r) => r.name && r.email && r.sip?.startsWith('sip:')));
});
