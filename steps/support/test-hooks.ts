import { DirectoryAdmin } from '../../src/harness/service-admin';
import type { HarnessWorld } from './world';

/**
 * Hooks for the harness's own tests, off unless their variable is set:
 * - `LYNC_HARNESS_TEST_CRASH=<service>@<text>`: the service's process is killed at the start of the
 *   first scenario whose name contains <text>, as a crash would (embedded mode);
 * - `LYNC_HARNESS_TEST_HOLD=1`: the first scenario waits until the run is interrupted, so a test can
 *   interrupt a run that has certainly started and not yet ended;
 * - `LYNC_HARNESS_TEST_UNPREPARED_DC=<service>`: in every scenario, that mock DC (`ldap-onpremises`) is
 *   a domain never prepared for Lync (no msRTCSIP-* write access for RTCUniversalServerAdmins): a fault in
 *   the mock DC alone, which Samba's DC beside it (`--ldap samba`) does not share
 *   (test/samba/mock-fault-disagreement.ts).
 */
export async function testHooks(world: HarnessWorld): Promise<void> {
  const crash = /^([^@]+)@(.+)$/.exec(process.env.LYNC_HARNESS_TEST_CRASH ?? '');
  if (crash && world.scenario.name.includes(crash[2])) {
    delete process.env.LYNC_HARNESS_TEST_CRASH;
    await world.services.crash(crash[1]);
  }
  const unprepared = process.env.LYNC_HARNESS_TEST_UNPREPARED_DC;
  if (unprepared) {
    const dc = (await world.services.alive()).find((s) => s.name === unprepared);
    if (!dc) throw new Error(`[test] LYNC_HARNESS_TEST_UNPREPARED_DC: no started service "${unprepared}"`);
    await new DirectoryAdmin(dc.admin).setMechanism({ lyncAdminsWithoutUserRights: true });
  }
  if (process.env.LYNC_HARNESS_TEST_HOLD === '1') {
    delete process.env.LYNC_HARNESS_TEST_HOLD;
    await new Promise<never>(() => {});
  }
}
