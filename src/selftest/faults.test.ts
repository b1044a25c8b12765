import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCatalog } from '../catalog/catalog';
import { NOTES_MECHANISM } from '../model/mechanism';
import { MECHANISM_FAULTS, rulesWithoutOwnFault } from './faults';

test('every catalog rule has a mechanism fault, and every fault names catalog rules only', () => {
  const catalog = loadCatalog().rules.map((r) => r.id);
  const covered = new Set(MECHANISM_FAULTS.flatMap((f) => f.rules));
  assert.deepEqual(
    catalog.filter((id) => !covered.has(id)),
    [],
  );
  assert.deepEqual(
    [...covered].filter((id) => !catalog.includes(id)),
    [],
  );
});

test('each fault has a one-line description, a model side that changes a fact, and a mock side or the reason it has none', () => {
  const ids = new Set<string>();
  for (const f of MECHANISM_FAULTS) {
    assert.ok(!ids.has(f.id), `${f.id} is given twice`);
    ids.add(f.id);
    assert.ok(f.fault.length > 0 && !f.fault.includes('\n'), `${f.id}: one line`);
    const mocks = Object.keys(f.inMocks).length > 0;
    assert.ok(mocks !== Boolean(f.noMockSide), `${f.id}: a mock side, or (only then) why it has none`);
    const changed = Object.entries(f.inModel).some(([area, facts]) =>
      Object.entries(facts ?? {}).some(
        ([fact, value]) =>
          JSON.stringify(value) !==
          JSON.stringify((NOTES_MECHANISM as unknown as Record<string, Record<string, unknown>>)[area][fact]),
      ),
    );
    assert.ok(changed, `${f.id}: the model side changes no fact`);
  }
});

// Rules whose scenarios only a neighbouring link's fault fails (the table says which link). The list
// may only shrink: a rule leaves it when it gets a fault of its own mechanism.
const CAUGHT_ONLY_THROUGH_A_NEIGHBOUR = ['GAL-03', 'GAL-04', 'GAL-06', 'SRCH-09'];

test('every rule but the listed ones has a fault of its own mechanism, not only one through a neighbouring link', () => {
  assert.deepEqual(
    rulesWithoutOwnFault(MECHANISM_FAULTS).sort(),
    [...CAUGHT_ONLY_THROUGH_A_NEIGHBOUR].sort(),
  );
  for (const f of MECHANISM_FAULTS)
    for (const rule of f.through?.rules ?? [])
      assert.ok(f.rules.includes(rule), `${f.id}: ${rule} is reached through a link but not among its rules`);
});
