import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { FindingsFile } from '../src/report/finding-types';
import type { Manifest } from '../src/report/manifest';
import { dnKey } from '../src/tenant/dn';
import { CONTOSO } from './export-shapes/other-tenant';
import { userOf } from './export-shapes/people';
import { buildExportShapes, buildShape, type ExportShape, SHAPES } from './export-shapes/shapes';

const BIN = join(__dirname, '..', 'bin', 'lync-harness.js');
/** Shapes run with every scenario; the others with the tenant checks only (the rule examples never see a tenant). */
const WHOLE_SUITE = new Set(['ldifde-ou', 'other-tenant', 'unusual-objects']);

/** Runs the harness on one shape's files; returns its findings and manifest. */
export function runOn(
  shape: ExportShape,
  extra: string[] = [],
  wholeSuite = WHOLE_SUITE.has(shape.name),
): { status: number | null; output: string; findings: FindingsFile; manifest: Manifest } {
  const dir = mkdtempSync(join(tmpdir(), `lh-shape-${shape.name}-`));
  mkdirSync(join(dir, 'export'));
  const tenants = shape.files.flatMap((file) => {
    const path = join(dir, 'export', file.name);
    writeFileSync(path, file.bytes);
    return ['--tenant', file.role ? `${file.role}=${path}` : path];
  });
  const out = join(dir, 'run');
  const tags = wholeSuite ? [] : ['--tags', '@tenant-check'];
  const result = spawnSync(
    process.execPath,
    [BIN, 'run', '--quiet', '--out', out, ...tenants, ...tags, ...extra],
    {
      encoding: 'utf8',
    },
  );
  const read = <T>(file: string) => JSON.parse(readFileSync(join(out, file), 'utf8')) as T;
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    findings: read<FindingsFile>('findings.json'),
    manifest: read<Manifest>('manifest.json'),
  };
}

/** Every finding of the run, by object key and rule. */
export function reported(findings: FindingsFile): Set<string> {
  const seen = new Set<string>();
  for (const [dn, object] of Object.entries(findings.objects))
    for (const f of object.findings) if (f.outcome === 'finding') seen.add(`${f.rule} ${dnKey(dn)}`);
  return seen;
}

describe('every export shape of a user tenant runs end to end', { concurrency: 1 }, () => {
  for (const shape of buildExportShapes()) {
    test(`${shape.name}: exit 0, no scenario broken, every planted defect named under its rule on its DN`, () => {
      const run = runOn(shape);
      assert.equal(run.status, 0, run.output);
      assert.equal(run.manifest.status, 'passed', run.output);
      const seen = reported(run.findings);
      const missing = shape.planted.filter((p) => !seen.has(`${p.rule} ${dnKey(p.dn)}`));
      assert.deepEqual(missing, [], `planted defects not reported:\n${run.output}`);
      assert.ok(shape.planted.length > 0, 'a shape without a planted defect proves nothing');
      if (shape.name === 'ldifde-ou') {
        const added = (run.manifest.tenant.forests ?? []).flatMap((f) => f.addedByHarness.map(dnKey));
        for (const head of ['DC=abc,DC=corp', 'DC=xyz,DC=corp'])
          assert.ok(added.includes(dnKey(head)), `${head} is listed as added by the harness`);
      }
    });
  }
});

/** A flow that copies the SIP address as it is and selects users without mail too. */
const VERBATIM_FLOW = `name: verbatim
source:
  filter: "(&(objectCategory=person)(objectClass=user))"
required: [sAMAccountName, displayName, cn]
flows:
  - { target: cn, from: cn }
  - { target: displayName, from: displayName }
  - { target: mail, from: mail }
  - { target: mailNickname, from: sAMAccountName }
  - { target: targetAddress, template: "SMTP:{mail}" }
  - { target: msRTCSIP-PrimaryUserAddress, from: msRTCSIP-PrimaryUserAddress }
`;

test("the source side: a user whose future contact would be defective is named under the contact's rule", () => {
  const definition = SHAPES.find((s) => s.name === 'other-tenant')!;
  const bare = userOf(CONTOSO, {
    given: 'Bo',
    sn: 'Bare',
    sam: 'bbare',
    user: { 'msRTCSIP-PrimaryUserAddress': 'bo.bare@corp.contoso.com' },
  });
  const mailless = userOf(CONTOSO, {
    given: 'Nel',
    sn: 'Nomail',
    sam: 'nnomail',
    user: { mail: [], proxyAddresses: [] },
  });
  const shape = buildShape({
    ...definition,
    directory: (sample) => {
      const tenant = definition.directory(sample);
      tenant.forests[0].entries.push(bare, mailless);
      return tenant;
    },
  });
  const flow = join(mkdtempSync(join(tmpdir(), 'lh-flow-')), 'verbatim.yaml');
  writeFileSync(flow, VERBATIM_FLOW);
  const run = runOn(shape, ['--galsync', flow], false);
  assert.equal(run.status, 0, run.output);
  const seen = reported(run.findings);
  assert.ok(seen.has(`GAL-03 ${dnKey(bare.dn)}`), 'the bare SIP address is named on the source user');
  assert.ok(
    seen.has(`GAL-05 ${dnKey(mailless.dn)}`),
    'no mail, so no targetAddress: named on the source user',
  );
});

test('a tenant before GALSync (no contacts) and a tenant of one forest run their checks without breaking', () => {
  const definition = SHAPES.find((s) => s.name === 'other-tenant')!;
  const beforeGalSync = buildShape({
    ...definition,
    name: 'before-galsync',
    directory: (sample) => {
      const tenant = definition.directory(sample);
      for (const forest of tenant.forests) forest.entries = forest.entries.filter((e) => !e.isA('contact'));
      return tenant;
    },
  });
  const first = runOn(beforeGalSync, [], false);
  assert.equal(first.status, 0, first.output);
  const oneForest = { ...beforeGalSync, name: 'one-forest', files: beforeGalSync.files.slice(0, 1) };
  const second = runOn(oneForest, [], false);
  assert.equal(second.status, 0, second.output);
});
