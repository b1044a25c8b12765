import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFixtureRun } from '../../test/fixtures/report-run';
import { loadCatalog } from '../catalog/catalog';
import { buildComplianceReport } from './compliance-report';
import { collectFindings } from './findings-file';
import { picturesBlock } from './html-pictures';
import { createManifest } from './manifest';
import { ISSUER_LIST_MEDIA_TYPE, type IssuerListRecord } from './picture-records';
import { readRunMessages } from './run-messages';

const record: IssuerListRecord = {
  attempt: 1,
  edge: { os: 'windows2008r2', sendsList: true, source: 'Root' },
  limit: 16_384,
  sent: { nameBytes: Array(121).fill(135) },
  store: { nameBytes: Array(300).fill(135) },
  frontEnd: {
    issuer: 'CN=ABC Corp Enterprise Root CA',
    storeIndex: 299,
    listed: false,
    offered: null,
    replicated: false,
  },
};

test("the pictures take their bytes from the findings rows' share of the page", () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-pictures-'));
  try {
    const catalog = loadCatalog();
    const config = writeFixtureRun(dir, { objects: 400 });
    const run = readRunMessages(join(dir, 'messages.ndjson'));
    const input = {
      catalog,
      manifest: { ...createManifest(config, catalog), status: 'passed' as const },
      findings: collectFindings(dir, run),
      store: () => ({ sha256: '0'.repeat(64), file: 'evidence/x.json', bytes: 0 }),
      findingsBytes: 60_000,
    };
    const without = buildComplianceReport({ ...input, run });
    const scenario = run.scenarios.find((s) => s.tags.includes('@GAL-03'))!;
    for (let i = 1; i <= 4; i++)
      scenario.attachments.push({
        mediaType: ISSUER_LIST_MEDIA_TYPE,
        body: JSON.stringify({ ...record, attempt: i }),
      });
    const withPictures = buildComplianceReport({ ...input, run });
    const pictures = withPictures.rules.find((r) => r.id === 'GAL-03')!.pictures;
    assert.equal(pictures.length, 4);
    const drawn = Buffer.byteLength(picturesBlock('GAL-03', pictures));
    const rowBytes = (rows: typeof without.findings.rows) =>
      rows.reduce((n, r) => n + r[0].length + r[5].length + 24, 0);
    assert.ok(drawn > 20_000, `four issuer lists take ${drawn} bytes`);
    assert.ok(rowBytes(without.findings.rows) >= 60_000 - 300, 'without pictures the rows fill the share');
    const rows = rowBytes(withPictures.findings.rows);
    assert.ok(
      rows < 60_000 - drawn + 300,
      `rows ${rows} + pictures ${drawn} stay within the 60,000-byte share`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
