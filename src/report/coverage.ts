import type { Catalog } from '../catalog/catalog';
import { type RunMessages, ruleTags } from './run-messages';

export interface CoverageProblem {
  rule?: string;
  scenario?: string;
  problem: string;
}

/**
 * The catalog-coverage gate: every catalog rule has a passing scenario; every rule that says something
 * fails has a passing scenario tagged @shows-failure; no scenario carries an ID the catalog lacks; each
 * scenario's @documented/@derived tag matches the catalog.
 */
export function checkCoverage(catalog: Catalog, run: RunMessages): CoverageProblem[] {
  const problems: CoverageProblem[] = [];
  const known = new Map(catalog.rules.map((r) => [r.id, r]));
  for (const scenario of run.scenarios) {
    const ids = ruleTags(scenario.tags);
    const where = `${scenario.uri}: ${scenario.name}`;
    if (ids.length === 0) problems.push({ scenario: where, problem: 'carries no rule ID tag' });
    for (const id of ids) {
      const rule = known.get(id);
      if (!rule) problems.push({ rule: id, scenario: where, problem: 'tag names a rule the catalog lacks' });
      else if (!scenario.tags.includes(`@${rule.kind}`)) {
        problems.push({
          rule: id,
          scenario: where,
          problem: `is not tagged @${rule.kind} as the catalog says`,
        });
      }
    }
  }
  for (const rule of catalog.rules) {
    const tagged = run.scenarios.filter((s) => ruleTags(s.tags).includes(rule.id));
    if (!tagged.some((s) => s.status === 'passed')) {
      problems.push({
        rule: rule.id,
        problem: tagged.length ? 'no scenario of this rule passed' : 'no scenario checks this rule',
      });
    }
    if (rule.failureSide && !tagged.some((s) => s.status === 'passed' && s.tags.includes('@shows-failure'))) {
      problems.push({
        rule: rule.id,
        problem: 'the rule says something fails, but no passing @shows-failure scenario shows it',
      });
    }
  }
  return problems;
}
