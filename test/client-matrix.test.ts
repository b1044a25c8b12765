import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type ClientMatrixRow, loadCatalog } from '../src/catalog/catalog';
import { parseRunMessages } from '../src/report/run-messages';

const BIN = join(__dirname, '..', 'bin', 'lync-harness.js');
const catalog = loadCatalog();

/** The Given and Then step texts an example of this matrix row has (the features' own wording). */
function wording(row: ClientMatrixRow): { given: string; outcomeStep: string } {
  if (row.client.endsWith('on-premises'))
    return {
      given: `uses ${row.client.replace(/ on-premises$/, '')} signed in to ABC's Lync Server on-premises`,
      outcomeStep: `the address book search ${row.outcome} "Pat Kim"`,
    };
  const outlook = row.outlook ? ` with Outlook ${row.outlook} in ${row.mode} mode` : '';
  return { given: `uses ${row.client}${outlook}`, outcomeStep: `the search ${row.outcome} "Jed Hill"` };
}

test('every combination of the catalog client matrix is an example that passed, under the rule the catalog names', {
  timeout: 180_000,
}, () => {
  assert.ok(catalog.clientMatrix.length >= 12, 'the matrix lists the clients of the notes');
  const rules = [...new Set(catalog.clientMatrix.map((r) => `@${r.rule}`))].join(' or ');
  const out = join(mkdtempSync(join(tmpdir(), 'lh-matrix-')), 'run');
  const run = spawnSync(process.execPath, [BIN, 'run', '--quiet', '--out', out, '--tags', rules], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const ndjson = readFileSync(join(out, 'messages.ndjson'), 'utf8');
  const status = new Map(parseRunMessages(ndjson).scenarios.map((s) => [s.pickleId, s.status]));
  const pickles = ndjson
    .split('\n')
    .filter((line) => line.startsWith('{"pickle"'))
    .map(
      (line) =>
        JSON.parse(line).pickle as {
          id: string;
          tags: Array<{ name: string }>;
          steps: Array<{ text: string }>;
        },
    );
  for (const row of catalog.clientMatrix) {
    const { given, outcomeStep } = wording(row);
    const label = `${row.client} ${row.outlook ?? ''} ${row.mode ?? ''} (${row.rule})`;
    const examples = pickles.filter(
      (p) =>
        p.tags.some((t) => t.name === `@${row.rule}`) &&
        p.steps.some((s) => s.text.endsWith(given)) &&
        p.steps.some((s) => s.text === outcomeStep),
    );
    assert.ok(examples.length > 0, `${label}: no example says "${given}" ... "${outcomeStep}"`);
    assert.ok(
      examples.some((p) => status.get(p.id) === 'passed'),
      `${label}: no such example passed`,
    );
  }
});

test('the matrix says of each combination whether the notes state it or it is derived', () => {
  for (const row of catalog.clientMatrix) assert.ok(!row.stated !== !row.derived, row.client);
  const derived = catalog.clientMatrix.filter((r) => r.derived).map((r) => `${r.client} ${r.outlook ?? ''}`);
  assert.ok(
    derived.some((d) => d.startsWith('Lync 2010 for Windows 2010')),
    'Lync 2010 with Outlook 2010 is derived',
  );
});
