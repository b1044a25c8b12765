import type { AdminClient } from '../harness/admin-client';
import {
  DirectoryAdmin,
  EdgeAdmin,
  ExchangeAdmin,
  LyncOnlineAdmin,
  PoolAdmin,
} from '../harness/service-admin';
import type { MechanismChange } from '../model/mechanism';

/** Each mock service kind a fault can reach, with its typed admin client (src/harness/service-admin.ts). */
export const FAULT_TARGETS = {
  exchange: (admin: AdminClient) => new ExchangeAdmin(admin),
  edge: (admin: AdminClient) => new EdgeAdmin(admin),
  'lync-online': (admin: AdminClient) => new LyncOnlineAdmin(admin),
  'lync-fe': (admin: AdminClient) => new PoolAdmin(admin),
  'ldap-onpremises': (admin: AdminClient) => new DirectoryAdmin(admin),
  'ldap-online': (admin: AdminClient) => new DirectoryAdmin(admin),
};

export type FaultTarget = keyof typeof FAULT_TARGETS;
type TypedAdmin<K extends FaultTarget> = ReturnType<(typeof FAULT_TARGETS)[K]>;

/**
 * A fault a real deployment could have: the rules whose scenarios must catch it, how the mocks get it
 * (per service kind, through its typed admin client, in every started copy: the fixtures' and the
 * tenant's) and how the model gets it (its mechanism facts changed, the mocks left right).
 */
export interface MechanismFault {
  /** A short stable name (`exchange-2013-oab-schedule`), as `--fault` and the table give it. */
  id: string;
  rules: string[];
  /** The fault in one line, as a deployment would have it. */
  fault: string;
  /**
   * Rules among `rules` whose scenarios the fault fails through a link they share with the rules it is
   * the mechanism of (the grant's write, the contact's write, the registration), not through their own
   * mechanism; the table says so beside them. Every rule needs a fault of its own mechanism too.
   */
  through?: { rules: string[]; link: string };
  inMocks: { [K in FaultTarget]?: (admin: TypedAdmin<K>) => Promise<unknown> };
  /** Instead of `inMocks`, for a mechanism only a client simulator has: why no mock can have the fault. */
  noMockSide?: string;
  inModel: MechanismChange;
}

/** Which side gets the fault in a selftest run: the mock services, or the model alone. */
export type FaultSide = 'mocks' | 'model';

/** What `lync-harness selftest` hands the scenario run (in SELFTEST_FAULT_ENV, as JSON). */
export interface SelftestOrder {
  side: FaultSide;
  /** Fault IDs; a scenario gets the fault whose rules it is tagged with (the selftest never gives it two). */
  faults: string[];
}

export const SELFTEST_FAULT_ENV = 'LYNC_HARNESS_SELFTEST_FAULT';

/** Puts one fault into one started service, if the fault reaches its kind. */
export async function injectIntoService(
  fault: MechanismFault,
  service: { name: string; admin: AdminClient },
): Promise<boolean> {
  const kind = service.name.slice(service.name.lastIndexOf('/') + 1);
  if (!(kind in FAULT_TARGETS)) return false;
  const target = kind as FaultTarget;
  const inject = fault.inMocks[target] as ((admin: unknown) => Promise<unknown>) | undefined;
  if (!inject) return false;
  await inject(FAULT_TARGETS[target](service.admin));
  return true;
}
