import assert from 'node:assert/strict';
import { test } from 'node:test';

const plugin = require('../steps/support/scenario-order.js');
const profile = require('../cucumber.js').default;

type Pickle = { pickle: { name: string; tags: { name: string }[] } };
const pickle = (name: string, ...tags: string[]): Pickle => ({
  pickle: { name, tags: tags.map((t) => ({ name: t })) },
});

test('the rule examples run first, the tenant checks after them, each kind in the features order', async () => {
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
  ];
  assert.ok(order, 'the plugin orders pickles');
  assert.deepEqual(
    order(given).map((p) => p.pickle.name),
    ['GAL-01 example', 'GAL-02 example', 'POL-01 example', 'GAL-01 tenant', 'POL-01 tenant'],
  );
  assert.equal(plugin.type, 'plugin');
});

test('the run uses the ordering plugin', () => {
  assert.ok(profile.plugin.includes('./steps/support/scenario-order.js'), 'cucumber.js lists the plugin');
});
