import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCatalog } from '../catalog/catalog';
import { createManifest, sha256Of, stampFile } from './manifest';

const catalog = loadCatalog();

test('the manifest stamps tenant files and the flow with SHA-256 and keeps a copy of the flow', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-manifest-'));
  const ldif = join(dir, 'xyz.ldif');
  writeFileSync(ldif, 'dn: DC=xyz,DC=corp\n');
  const flow = join(dir, 'flow.yaml');
  writeFileSync(flow, 'flows: []\n');
  const config = {
    runId: 'r1',
    outDir: dir,
    tenantFiles: [`online=${ldif}`],
    sampleSize: 0,
    galsyncFlow: flow,
    mode: 'embedded' as const,
    settings: { oabProfile: 'exchange2013' },
    wireSample: 50,
  };
  const m = createManifest(config, catalog, { tags: '@GAL', waivers: { 'GAL-02': 'CAB-1' } });
  assert.deepEqual(m.tenant.files[0], {
    role: 'online',
    path: ldif,
    name: 'xyz.ldif',
    sha256: sha256Of('dn: DC=xyz,DC=corp\n'),
    bytes: 19,
  });
  assert.equal(m.galsyncFlow?.sha256, sha256Of('flows: []\n'));
  assert.equal(readFileSync(join(dir, m.galsyncFlow!.copy), 'utf8'), 'flows: []\n');
  assert.deepEqual(m.settings.oabProfile, { value: 'exchange2013', isDefault: false });
  assert.deepEqual(m.settings.edgeOs, { value: 'windows2008r2', isDefault: true });
  assert.equal(m.settings.galsyncFlow.value, 'flow.yaml');
  assert.equal(m.tenant.wireSample, 50);
  assert.equal(m.catalog.rules, catalog.rules.length);
  assert.equal(m.status, 'running');
});

test('a file gone since the run is stamped as missing, so a rebuilt report still says which it was', () => {
  assert.deepEqual(stampFile('onpremises=/nonexistent/abc.ldif'), {
    role: 'onpremises',
    path: '/nonexistent/abc.ldif',
    name: 'abc.ldif',
    sha256: 'file missing',
    bytes: 0,
  });
});
