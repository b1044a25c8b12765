import type { SpacePart } from '../../src/harness/data-space';
import table from './tenant-check-order.json';

const STAGES = table.stages as Array<{ areas: string[]; reads: SpacePart[] }>;

/** The rule area of a scenario (`@GAL-03` is GAL), from its tags. */
function areaOf(tags: readonly string[]): string | undefined {
  for (const tag of tags) {
    const match = /^@([A-Z]+)-\d+$/.exec(tag);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * What a tenant check reads (`own`, its stage's parts) and what it and every later stage read
 * (`fromHere`): the worker needs nothing of the tenant's space outside `fromHere` any more.
 */
export function tenantReads(tags: readonly string[]): {
  stage: number;
  own: SpacePart[];
  fromHere: SpacePart[];
} {
  const area = areaOf(tags);
  const stage = STAGES.findIndex((s) => area !== undefined && s.areas.includes(area));
  if (stage === -1)
    throw new Error(
      `[harness] the tenant check's rule area ${area ?? '(no rule tag)'} is in no stage of steps/support/tenant-check-order.json: add it with the parts of the tenant's space it reads`,
    );
  return {
    stage,
    own: STAGES[stage].reads,
    fromHere: [...new Set(STAGES.slice(stage).flatMap((s) => s.reads))],
  };
}

const memo = new Map<string, unknown>();
let current: number | undefined;

/** The worker's scenario is of this stage (undefined: a rule example); another stage drops the memo. */
export function enterStage(stage: number | undefined): void {
  if (stage !== current) memo.clear();
  current = stage;
}

/**
 * A value the checks of one stage share (the flow preview of every user, say), computed once and let
 * go when the worker leaves the stage, so a later stage's peak does not carry it.
 */
export function stageMemo<T>(key: string, compute: () => T): T {
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}
