import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { FlowRule, GalSyncFlow } from '../../model/gal';

export const FLOW_EXAMPLES = join(__dirname, '..', '..', '..', 'examples', 'galsync');

/** Reads a GALSync flow file (YAML or JSON); a bad file throws an error naming the file and the problem. */
export function loadGalSyncFlow(file = join(FLOW_EXAMPLES, 'out-of-the-box.yaml')): GalSyncFlow {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`[galsync] ${file}: cannot read the flow file (${(error as Error).message})`);
  }
  return checkFlow(raw, file);
}

export function checkFlow(raw: unknown, file: string): GalSyncFlow {
  const fail = (what: string): never => {
    throw new Error(`[galsync] ${file}: ${what}`);
  };
  const flow = raw as Partial<GalSyncFlow> | null;
  if (!flow || typeof flow !== 'object') return fail('the file holds no flow');
  if (!Array.isArray(flow.flows) || flow.flows.length === 0) fail('"flows" must list at least one rule');
  const rules = (flow.flows as FlowRule[]).map((r, i) => {
    if (!r || typeof r.target !== 'string') fail(`flows[${i}] needs a "target" attribute`);
    if (!r.from === !r.template) fail(`flows[${i}] (${r.target}) needs exactly one of "from" or "template"`);
    return { target: r.target, from: r.from, template: r.template, strip: r.strip };
  });
  return {
    name: String(flow.name ?? file),
    source: {
      filter: flow.source?.filter ?? '(&(objectCategory=person)(objectClass=user))',
      ...(flow.source?.attributes === undefined
        ? {}
        : { attributes: selectedAttributes(flow.source.attributes, fail) }),
    },
    target: { container: flow.target?.container ?? 'OU=GALSync' },
    required: Array.isArray(flow.required) ? flow.required.map(String) : [],
    flows: rules,
  };
}

function selectedAttributes(list: unknown, fail: (what: string) => never): string[] {
  if (!Array.isArray(list) || list.some((a) => typeof a !== 'string' || !a.trim()))
    return fail('"source.attributes" must list attribute names');
  return list as string[];
}

/** Every source attribute a flow reads: its required ones and those its rules copy or fill in. */
export function attributesRead(flow: GalSyncFlow): string[] {
  const names = new Set<string>(['objectClass', ...flow.required]);
  for (const rule of flow.flows) {
    if (rule.from) names.add(rule.from);
    for (const m of (rule.template ?? '').matchAll(/\{([^}]+)\}/g)) names.add(m[1]);
  }
  return [...names];
}

/** The flow whose management agent does not import `attribute` into the metaverse (a what-if). */
export function withoutImport(flow: GalSyncFlow, attribute: string): GalSyncFlow {
  const selected = flow.source.attributes ?? attributesRead(flow);
  return {
    ...flow,
    name: `${flow.name} (${attribute} not imported)`,
    source: {
      ...flow.source,
      attributes: selected.filter((a) => a.toLowerCase() !== attribute.toLowerCase()),
    },
  };
}

/** The flow with one attribute's rule replaced (or removed with `undefined`): for what-if scenarios. */
export function withRule(
  flow: GalSyncFlow,
  target: string,
  rule: Omit<FlowRule, 'target'> | undefined,
): GalSyncFlow {
  const flows = flow.flows.filter((r) => r.target.toLowerCase() !== target.toLowerCase());
  return {
    ...flow,
    name: `${flow.name} (changed ${target})`,
    flows: rule ? [...flows, { target, ...rule }] : flows,
  };
}
