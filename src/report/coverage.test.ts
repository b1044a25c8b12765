import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Catalog } from '../catalog/catalog';
import { checkCoverage } from './coverage';
import type { RunMessages, ScenarioRun } from './run-messages';

const catalog = {
  rules: [
    {
      id: 'GAL-01',
      area: 'GAL',
      statement: 's',
      kind: 'documented',
      source: {},
      settings: [],
      failureSide: false,
    },
    {
      id: 'GAL-02',
      area: 'GAL',
      statement: 's',
      kind: 'documented',
      source: {},
      settings: [],
      failureSide: true,
    },
  ],
} as unknown as Catalog;

const scenario = (tags: string[], status: ScenarioRun['status'] = 'passed'): ScenarioRun => ({
  pickleId: tags.join(),
  name: 'x',
  uri: 'f.feature',
  tags,
  status,
  durationMs: 0,
  attachments: [],
});
const run = (...scenarios: ScenarioRun[]): RunMessages => ({ scenarios, finished: true });

test('passes when every rule has a passing scenario and failing sides are shown', () => {
  const problems = checkCoverage(
    catalog,
    run(scenario(['@GAL-01', '@documented']), scenario(['@GAL-02', '@documented', '@shows-failure'])),
  );
  assert.deepEqual(problems, []);
});

test('reports an uncovered rule, a missing failure side, an unknown ID and a wrong kind tag', () => {
  const problems = checkCoverage(
    catalog,
    run(scenario(['@GAL-02', '@derived']), scenario(['@GAL-99', '@documented'])),
  );
  const text = problems.map((p) => `${p.rule}: ${p.problem}`);
  assert.ok(text.includes('GAL-01: no scenario checks this rule'));
  assert.ok(text.some((t) => t.startsWith('GAL-02: the rule says something fails')));
  assert.ok(text.includes('GAL-99: tag names a rule the catalog lacks'));
  assert.ok(text.includes('GAL-02: is not tagged @documented as the catalog says'));
});

test('a failed scenario does not cover its rule', () => {
  const problems = checkCoverage(catalog, run(scenario(['@GAL-01', '@documented'], 'failed')));
  assert.ok(problems.some((p) => p.rule === 'GAL-01' && p.problem === 'no scenario of this rule passed'));
});
