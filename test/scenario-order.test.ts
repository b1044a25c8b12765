import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { enterStage, stageMemo, tenantReads } from '../steps/support/tenant-check-stages';

const plugin = require('../steps/support/scenario-order.js');
const profile = require('../cucumber.js').default;

type Pickle = { pickle: { name: string; tags: { name: string }[] } };
const pickle = (name: string, ...tags: string[]): Pickle => ({
  pickle: { name, tags: tags.map((t) => ({ name: t })) },
});

test('the rule examples run first in the features order, then the tenant checks stage by stage', async () => {
  let order: ((pickles: readonly Pickle[]) => Pickle[]) | undefined;
  await plugin.coordinator({
    transform: (key: string, transformer: typeof order) => {
      if (key === 'pickles:order') order = transformer;
    },
  });
  const given = [
    pickle('GAL-01 example', '@GAL-01'),
    pickle('GAL-01 tenant', '@GAL-01', '@tenant-check'),
    pickle('GAL-02 example', '@GAL-02'),
    pickle('POL-01 tenant', '@POL-01', '@tenant-check'),
    pickle('POL-01 example', '@POL-01'),
    pickle('XYZ-01 tenant', '@XYZ-01', '@tenant-check'),
    pickle('PRES-01 tenant', '@PRES-01', '@tenant-check'),
    pickle('SRCH-06 tenant', '@SRCH-06', '@tenant-check'),
    pickle('GAL-03 tenant', '@GAL-03', '@tenant-check'),
  ];
  assert.ok(order, 'the plugin orders pickles');
  assert.deepEqual(
    order(given).map((p) => p.pickle.name),
    [
      'GAL-01 example',
      'GAL-02 example',
      'POL-01 example',
      'GAL-01 tenant',
      'POL-01 tenant',
      'GAL-03 tenant',
      'SRCH-06 tenant',
      'PRES-01 tenant',
      'XYZ-01 tenant',
    ],
  );
  assert.equal(plugin.type, 'plugin');
});

test('the run uses the ordering plugin', () => {
  assert.ok(profile.plugin.includes('./steps/support/scenario-order.js'), 'cucumber.js lists the plugin');
});

test('every tenant check of the features is in a stage, and a stage keeps what the later ones read', () => {
  const features = readdirSync('features', { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.feature'),
  );
  const tagLines = features.flatMap((f) =>
    readFileSync(join('features', f), 'utf8')
      .split('\n')
      .filter((line) => line.includes('@tenant-check')),
  );
  assert.ok(tagLines.length >= 10, `the features hold tenant checks (found ${tagLines.length})`);
  for (const line of tagLines) {
    const tags = line.trim().split(/\s+/);
    assert.doesNotThrow(() => tenantReads(tags), line);
  }
  assert.deepEqual(tenantReads(['@GAL-03', '@tenant-check']), {
    stage: 0,
    own: ['directory:onpremises', 'directory:online'],
    fromHere: ['directory:onpremises', 'directory:online', 'cloud', 'lync-online'],
  });
  assert.deepEqual(tenantReads(['@PRES-01', '@tenant-check']).fromHere, ['lync-online']);
  assert.throws(() => tenantReads(['@XYZ-01', '@tenant-check']), /XYZ is in no stage/);
});

test('a stage memo is computed once per stage and let go when the worker moves on', () => {
  let computed = 0;
  const preview = () => stageMemo('preview', () => ({ n: ++computed }));
  enterStage(0);
  const first = preview();
  assert.equal(preview(), first, 'the checks of one stage share it');
  enterStage(0);
  assert.equal(preview(), first, 'a second check of the same stage too');
  enterStage(1);
  assert.notEqual(preview(), first, 'the next stage computes its own');
  assert.equal(computed, 2);
});
