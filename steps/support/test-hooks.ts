import type { HarnessWorld } from './world';

/**
 * Hooks for the harness's own tests, off unless their variable is set:
 * - `LYNC_HARNESS_TEST_CRASH=<service>@<text>`: the service's process is killed at the start of the
 *   first scenario whose name contains <text>, as a crash would (embedded mode);
 * - `LYNC_HARNESS_TEST_HOLD=1`: the first scenario waits until the run is interrupted, so a test can
 *   interrupt a run that has certainly started and not yet ended.
 */
export async function testHooks(world: HarnessWorld): Promise<void> {
  const crash = /^([^@]+)@(.+)$/.exec(process.env.LYNC_HARNESS_TEST_CRASH ?? '');
  if (crash && world.scenario.name.includes(crash[2])) {
    delete process.env.LYNC_HARNESS_TEST_CRASH;
    await world.services.crash(crash[1]);
  }
  if (process.env.LYNC_HARNESS_TEST_HOLD === '1') {
    delete process.env.LYNC_HARNESS_TEST_HOLD;
    await new Promise<never>(() => {});
  }
}
