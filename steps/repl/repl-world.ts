import type { HarnessWorld } from '../support/world';
import { EdgeContext } from './edge-context';

/** This scenario's Edge and Front End (the Edge started and installed once per worker by the environment). */
export async function edge(world: HarnessWorld): Promise<EdgeContext> {
  const service = await world.env.edge();
  return world.area('repl', () => new EdgeContext(service));
}

/** The scenario's REPL rule tag: generic steps prove the rule of the scenario they appear in. */
export function ruleOf(world: HarnessWorld): string {
  return world.scenario.tags.find((t) => /^@REPL-\d+$/.test(t))?.slice(1) ?? 'REPL-01';
}
