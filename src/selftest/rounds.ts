import type { MechanismFault } from './mechanism-fault';

/**
 * Groups faults into rounds so one scenario run can try several: within a round no scenario is tagged
 * with rules of two faults, so each scenario gets at most one fault and what it catches is that
 * fault's. `scenarioRules` are the rule tags of each scenario of the clean run.
 */
export function faultRounds(faults: MechanismFault[], scenarioRules: string[][]): MechanismFault[][] {
  const touches = (fault: MechanismFault) => {
    const mine = new Set(fault.rules);
    return new Set(scenarioRules.flatMap((rules, i) => (rules.some((r) => mine.has(r)) ? [i] : [])));
  };
  const rounds: Array<{ faults: MechanismFault[]; scenarios: Set<number> }> = [];
  for (const fault of faults) {
    const scenarios = touches(fault);
    let round = rounds.find((r) => ![...scenarios].some((s) => r.scenarios.has(s)));
    if (!round) {
      round = { faults: [], scenarios: new Set() };
      rounds.push(round);
    }
    round.faults.push(fault);
    for (const s of scenarios) round.scenarios.add(s);
  }
  return rounds.map((r) => r.faults);
}
