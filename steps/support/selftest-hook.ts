import { type MechanismChange, useMechanism } from '../../src/model/mechanism';
import { MECHANISM_FAULTS } from '../../src/selftest/faults';
import {
  injectIntoService,
  type MechanismFault,
  SELFTEST_FAULT_ENV,
  type SelftestOrder,
} from '../../src/selftest/mechanism-fault';
import type { HarnessWorld } from './world';

/** The faults `lync-harness selftest` asked for, and on which side; none unless the variable is set. */
function order(): { side: SelftestOrder['side']; faults: MechanismFault[] } | undefined {
  const text = process.env[SELFTEST_FAULT_ENV];
  if (!text) return undefined;
  const given = JSON.parse(text) as SelftestOrder;
  if ((given.side !== 'mocks' && given.side !== 'model') || !Array.isArray(given.faults))
    throw new Error(
      `[selftest] ${SELFTEST_FAULT_ENV} must be { side: "mocks" | "model", faults: [id, ...] }`,
    );
  const faults = given.faults.map((id) => {
    const fault = MECHANISM_FAULTS.find((f) => f.id === id);
    if (!fault) throw new Error(`[selftest] no mechanism fault "${id}"`);
    return fault;
  });
  return { side: given.side, faults };
}

/** The asked-for fault that concerns this scenario (by its rule tags), if any. */
function faultFor(world: HarnessWorld): { side: SelftestOrder['side']; fault: MechanismFault } | undefined {
  const asked = order();
  if (!asked) return undefined;
  const tags = new Set(world.scenario.tags);
  const mine = asked.faults.filter((f) => f.rules.some((r) => tags.has(`@${r}`)));
  if (mine.length > 1)
    throw new Error(`[selftest] faults ${mine.map((f) => f.id).join(', ')} both concern this scenario`);
  return mine[0] && { side: asked.side, fault: mine[0] };
}

/**
 * Puts the selftest's fault into this scenario: into every started mock service it reaches, through
 * the typed admin clients, as a deployment with that mechanism would behave; or into the model's
 * mechanism facts alone. Off (the notes' facts, untouched mocks) unless the variable is set.
 */
export async function applySelftestFault(world: HarnessWorld): Promise<void> {
  const asked = faultFor(world);
  let change: MechanismChange | undefined;
  if (asked?.side === 'model') change = asked.fault.inModel;
  useMechanism(change);
  if (asked?.side !== 'mocks') return;
  // A tenant check reaches only its stage's services: the later stages' stay untouched (and unused).
  const reached = await world.services.alive((name) => world.stageServices?.has(name) ?? true);
  for (const service of reached) await injectIntoService(asked.fault, service);
}
