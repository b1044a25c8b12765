import { type FaultCall, SELFTEST_FAULT_ENV } from '../../src/selftest/faults';
import type { HarnessWorld } from './world';

/** The mechanism fault `lync-harness selftest` asked for, if any. */
function faultCalls(): FaultCall[] {
  const text = process.env[SELFTEST_FAULT_ENV];
  if (!text) return [];
  const calls = JSON.parse(text) as FaultCall[];
  if (!Array.isArray(calls))
    throw new Error(`[selftest] ${SELFTEST_FAULT_ENV} must be a JSON list of admin calls`);
  return calls;
}

/**
 * Puts the selftest's fault into every started service it names (the fixtures' and the tenant's copy),
 * through the admin API, as a deployment with that mechanism would behave. Off unless the variable is set.
 */
export async function applySelftestFault(world: HarnessWorld): Promise<void> {
  const calls = faultCalls();
  if (calls.length === 0) return;
  const services = await world.services.alive();
  for (const call of calls)
    for (const service of services.filter(
      (s) => s.name === call.service || s.name.endsWith(`-${call.service}`),
    ))
      await service.admin.call(call.method, call.path, call.body);
}
