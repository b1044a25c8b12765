import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ldifChunks } from './ldif-writer';
import { dropKeptTenant, keepForNextLoad, loadTenant } from './load';
import { buildSampleTenant } from './sample';

/** The run reads the user's files once to check them; its in-process worker takes that tenant, not a second read. */
test('a kept tenant goes to the next load of the same files, once; other files are read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kept-tenant-'));
  const [abc, xyz] = buildSampleTenant().forests.map((forest) => {
    const file = join(dir, `${forest.domain}.ldif`);
    writeFileSync(file, [...ldifChunks(forest.entries)].join(''));
    return file;
  });
  const checked = { files: [relative(process.cwd(), abc), `online=${xyz}`], sampleSize: 0 };
  const tenant = loadTenant(checked);
  keepForNextLoad(checked, tenant);
  assert.notEqual(loadTenant({ files: [abc], sampleSize: 0 }), tenant, 'other files are read');
  assert.equal(
    loadTenant({ files: [abc, `online=${xyz}`], sampleSize: 0 }),
    tenant,
    'the same files, named absolutely',
  );
  const again = loadTenant(checked);
  assert.notEqual(again, tenant, 'taken once');
  assert.deepEqual(
    again.forests.map((f) => f.entries.length),
    tenant.forests.map((f) => f.entries.length),
  );
  keepForNextLoad(checked, tenant);
  dropKeptTenant();
  assert.notEqual(loadTenant(checked), tenant, 'a dropped tenant is not handed out');
});
