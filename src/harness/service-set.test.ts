import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ServiceSet } from './service-set';

const HOUR = 3_600_000;

/**
 * A scenario pays only for the services it touches: each is reset on its first use in a scenario,
 * and only those it used are asked for their journals. One it does not touch keeps its state until a
 * later scenario uses it.
 */
test('a service is reset on its first use in a scenario, and only the services used count as used', async () => {
  const services = new ServiceSet('embedded');
  try {
    await services.beginScenario('first');
    const [pool, dc] = await Promise.all([services.get('lync-fe'), services.get('ldap-online')]);
    const [start, dcStart] = await Promise.all([pool.admin.now(), dc.admin.now()]);
    await Promise.all([pool.admin.advanceClock(HOUR), dc.admin.advanceClock(HOUR)]);
    assert.deepEqual((await services.used()).map((s) => s.name).sort(), ['ldap-online', 'lync-fe']);

    await services.beginScenario('second');
    assert.deepEqual(await services.used(), [], 'nothing used yet');
    assert.equal(await services.get('lync-fe'), pool, 'the same service, not a new one');
    assert.equal((await pool.admin.now()).getTime(), start.getTime(), 'reset on its first use');
    await pool.admin.advanceClock(HOUR);
    await services.get('lync-fe');
    assert.equal((await pool.admin.now()).getTime(), start.getTime() + HOUR, 'reset once per scenario');
    assert.deepEqual(
      (await services.used()).map((s) => s.name),
      ['lync-fe'],
    );
    assert.equal((await dc.admin.now()).getTime(), dcStart.getTime() + HOUR, 'untouched, not reset');

    await services.get('ldap-online');
    assert.equal((await dc.admin.now()).getTime(), dcStart.getTime(), 'reset once a scenario uses it');
  } finally {
    await services.stopAll();
  }
});
