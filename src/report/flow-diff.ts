import { parse } from 'yaml';

export interface FlowChange {
  /** Where in the flow, e.g. `flows[msRTCSIP-PrimaryUserAddress].source`. */
  path: string;
  before?: string;
  after?: string;
}

/** Array items that name themselves by one of these keys are matched by name, not by position. */
const NAME_KEYS = ['target', 'attribute', 'destination', 'to', 'name', 'id'];

function itemName(item: unknown): string | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const record = item as Record<string, unknown>;
  const key = NAME_KEYS.find((k) => typeof record[k] === 'string');
  return key && String(record[key]);
}

/** Flattens a parsed flow file into path → value, so two versions compare line by line. */
export function flattenFlow(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    const names = value.map(itemName);
    const unique = names.every((n) => n !== undefined) && new Set(names).size === names.length;
    value.forEach((item, i) => {
      flattenFlow(item, `${path}[${unique ? names[i] : i}]`, out);
    });
    if (value.length === 0) out.set(path, '[]');
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flattenFlow(item, path ? `${path}.${key}` : key, out);
  } else {
    out.set(path || '(value)', value === null ? 'null' : String(value));
  }
  return out;
}

/** The differences between two GALSync flow files (YAML or JSON text); null when one cannot be parsed. */
export function diffFlows(before: string | undefined, after: string | undefined): FlowChange[] | null {
  let a: Map<string, string>;
  let b: Map<string, string>;
  try {
    a = flattenFlow(before === undefined ? {} : parse(before));
    b = flattenFlow(after === undefined ? {} : parse(after));
  } catch {
    return null;
  }
  const changes: FlowChange[] = [];
  for (const [path, value] of a) {
    if (!b.has(path)) changes.push({ path, before: value });
    else if (b.get(path) !== value) changes.push({ path, before: value, after: b.get(path) });
  }
  for (const [path, value] of b) if (!a.has(path)) changes.push({ path, after: value });
  return changes.sort((x, y) => x.path.localeCompare(y.path));
}
