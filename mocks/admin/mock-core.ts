import { VirtualClock } from './clock';
import { FaultPlan } from './faults';
import { Journal } from './journal';

/** What every mock starts with: its name, its virtual clock, its journal on that clock, its fault plan. */
export interface MockCore {
  service: string;
  clock: VirtualClock;
  journal: Journal;
  faults: FaultPlan;
}

/** The shared start of every mock; spread it into `adminRoutes({ ...core, load, reset })`. */
export function mockCore(service: string): MockCore {
  const clock = new VirtualClock();
  return { service, clock, journal: new Journal(service, () => clock.now()), faults: new FaultPlan() };
}
