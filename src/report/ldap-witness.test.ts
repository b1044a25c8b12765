import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeFixtureRun } from '../../test/fixtures/report-run';
import { loadCatalog } from '../catalog/catalog';
import { readDirectoryServers, recordDirectoryServer } from '../run/directory-servers';
import { RUN_CONFIG_ENV } from '../run/run-config';
import { createManifest, type Manifest } from './manifest';
import { readRunMessages } from './run-messages';
import { writeRunReport } from './write-report';

test('with --ldap samba the report names Samba as the third witness, with its version and load times', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-ldap-witness-'));
  const config = writeFixtureRun(dir, {});
  process.env[RUN_CONFIG_ENV] = join(dir, 'run-config.json');
  try {
    for (const service of ['samba-onpremises', 'samba-online'])
      recordDirectoryServer({
        service,
        server: 'Samba AD DC 4.17.12-Debian',
        loadSeconds: 2.25,
        provisionSeconds: service === 'samba-online' ? 11.5 : 0,
        entries: 1234,
      });
  } finally {
    delete process.env[RUN_CONFIG_ENV];
  }
  const servers = readDirectoryServers(dir, config.runId);
  assert.deepEqual(readDirectoryServers(dir, 'an earlier run'), [], 'another run into the same folder');
  assert.deepEqual(servers.map((s) => s.service).sort(), ['samba-online', 'samba-onpremises']);
  const catalog = loadCatalog();
  const manifest: Manifest = {
    ...createManifest(config, catalog),
    status: 'passed',
    directoryServers: servers,
  };
  writeRunReport({ outDir: dir, catalog, run: readRunMessages(join(dir, 'messages.ndjson')), manifest });
  for (const file of ['report.html', 'report.md']) {
    const text = readFileSync(join(dir, file), 'utf8');
    assert.match(text, /LDAP witness/, file);
    assert.match(
      text,
      /the third witness: Samba AD DC 4\.17\.12-Debian beside each forest(&#39;|')s mock DC/,
      file,
    );
    assert.match(text, /samba-onpremises: 1,234 objects loaded in 2\.3 s/, file);
    assert.match(
      text,
      /samba-online: 1,234 objects loaded in 2\.3 s \(domain provisioned in 11\.5 s\)/,
      file,
    );
  }
});

test('without a real directory server the report has no LDAP witness line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lh-ldap-witness-'));
  const config = writeFixtureRun(dir, {});
  const catalog = loadCatalog();
  const manifest: Manifest = { ...createManifest(config, catalog), status: 'passed' };
  writeRunReport({ outDir: dir, catalog, run: readRunMessages(join(dir, 'messages.ndjson')), manifest });
  assert.doesNotMatch(readFileSync(join(dir, 'report.md'), 'utf8'), /LDAP witness/);
});
