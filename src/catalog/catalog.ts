import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export type RuleKind = 'documented' | 'derived';

export interface CatalogRule {
  id: string;
  area: string;
  statement: string;
  kind: RuleKind;
  source: { notes?: string; protocols?: string };
  settings: string[];
  failureSide: boolean;
}

export interface CatalogSetting {
  description: string;
  default: string;
  values?: Record<string, string>;
}

/** A place where the harness reads the field notes differently from their words, and why. */
export interface Divergence {
  rule: string;
  notes: string;
  harness: string;
  why: string;
}

/** One client of the notes' deployment and whether it finds the external contact, stated or derived. */
export interface ClientMatrixRow {
  client: string;
  outlook?: string;
  mode?: 'cached' | 'online';
  outcome: 'finds' | 'does not find';
  rule: string;
  /** The notes' words, when the notes state this combination. */
  stated?: string;
  /** What the outcome follows from, when the notes do not state it. */
  derived?: string;
}

export interface Catalog {
  version: number;
  sources: Record<string, { title: string; file: string }>;
  areas: Record<string, string>;
  rules: CatalogRule[];
  settings: Record<string, CatalogSetting>;
  divergences: Divergence[];
  clientMatrix: ClientMatrixRow[];
}

export const CATALOG_FILE = join(__dirname, '..', '..', 'catalog', 'rules.yaml');
const RULE_ID = /^(GAL|SRCH|OAB|PRES|PHONE|POL|REPL)-\d{2}$/;

/** Reads and checks the project's rule catalog (catalog/rules.yaml). */
export function loadCatalog(file = CATALOG_FILE): Catalog {
  const raw = parse(readFileSync(file, 'utf8')) as Omit<Catalog, 'rules'> & { rules: Partial<CatalogRule>[] };
  const rules = raw.rules.map((rule, index) => checkRule(rule, index, raw, file));
  const ids = new Set(rules.map((r) => r.id));
  const divergences = raw.divergences ?? [];
  for (const [i, d] of divergences.entries()) {
    if (!ids.has(d.rule))
      throw new Error(`[catalog] ${file}: divergence #${i + 1} names unknown rule ${d.rule}`);
    if (!d.notes || !d.harness || !d.why)
      throw new Error(`[catalog] ${file}: divergence #${i + 1} (${d.rule}) needs notes, harness and why`);
  }
  const clientMatrix = raw.clientMatrix ?? [];
  for (const [i, row] of clientMatrix.entries()) {
    const where = `${file}: clientMatrix #${i + 1} (${row.client})`;
    if (!ids.has(row.rule)) throw new Error(`[catalog] ${where} names unknown rule ${row.rule}`);
    if (!row.stated === !row.derived)
      throw new Error(`[catalog] ${where} needs exactly one of stated or derived`);
    if (row.outcome !== 'finds' && row.outcome !== 'does not find')
      throw new Error(`[catalog] ${where}: outcome must be "finds" or "does not find"`);
  }
  return { ...raw, rules, divergences, clientMatrix };
}

function checkRule(rule: Partial<CatalogRule>, index: number, raw: Omit<Catalog, 'rules'>, file: string) {
  const where = `${file}: rule #${index + 1}${rule.id ? ` (${rule.id})` : ''}`;
  if (!rule.id || !RULE_ID.test(rule.id)) throw new Error(`[catalog] ${where}: id is missing or malformed`);
  if (!rule.statement) throw new Error(`[catalog] ${where}: statement is missing`);
  if (rule.kind !== 'documented' && rule.kind !== 'derived') {
    throw new Error(`[catalog] ${where}: kind must be documented or derived`);
  }
  for (const setting of rule.settings ?? []) {
    if (!raw.settings[setting]) throw new Error(`[catalog] ${where}: unknown setting ${setting}`);
  }
  return {
    id: rule.id,
    area: rule.id.split('-')[0],
    statement: rule.statement,
    kind: rule.kind,
    source: rule.source ?? {},
    settings: rule.settings ?? [],
    failureSide: rule.failureSide === true,
  } satisfies CatalogRule;
}
