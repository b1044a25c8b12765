import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCatalog } from '../catalog/catalog';
import { parseRunOptions } from './run-options';
import { loadWaivers } from './run-report';
import { UsageError } from './usage-error';

const catalog = loadCatalog();

function waiversFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lh-waivers-')), 'waivers.yaml');
  writeFileSync(file, text);
  return file;
}

test('waivers come from a YAML file and --waive flags; a flag wins', () => {
  const file = waiversFile('GAL-02: "CAB-1201: the flow change ships next release"\nOAB-05: accepted\n');
  const options = parseRunOptions([
    '--waivers',
    file,
    '--waive',
    'OAB-05=CAB-1202: Outlook online mode only',
  ]);
  assert.deepEqual(loadWaivers(options, catalog), {
    'GAL-02': 'CAB-1201: the flow change ships next release',
    'OAB-05': 'CAB-1202: Outlook online mode only',
  });
});

test('a waiver needs a known rule ID and a reason', () => {
  assert.throws(() => loadWaivers(parseRunOptions(['--waive', 'XYZ-01=x']), catalog), UsageError);
  assert.throws(() => parseRunOptions(['--waive', 'GAL-02']), /--waive takes RULE-ID=REASON/);
  const blank = parseRunOptions(['--waivers', waiversFile('GAL-02: ""\n')]);
  assert.throws(() => loadWaivers(blank, catalog), /GAL-02 needs a reason/);
  const list = parseRunOptions(['--waivers', waiversFile('- GAL-02\n')]);
  assert.throws(() => loadWaivers(list, catalog), /give a map of rule ID to reason/);
});

test('--wire-sample: a whole number or all, 100 when absent; anything else is a usage error', () => {
  assert.equal(parseRunOptions([]).wireSample, 100);
  assert.equal(parseRunOptions(['--wire-sample', '25']).wireSample, 25);
  assert.equal(parseRunOptions(['--wire-sample', 'all']).wireSample, 'all');
  for (const bad of ['0', '-3', '2.5', 'some'])
    assert.throws(() => parseRunOptions(['--wire-sample', bad]), UsageError, bad);
});
