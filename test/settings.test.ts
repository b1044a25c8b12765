import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadCatalog } from '../src/catalog/catalog';
import { readRunMessages } from '../src/report/run-messages';
import { SETTINGS_MEDIA_TYPE, type UsedSettings } from '../src/report/settings-used';
import { CHECK_MEDIA_TYPE } from '../steps/support/verify';

const BIN = join(__dirname, '..', 'bin', 'lync-harness.js');
const ROOT = join(__dirname, '..');

/** Each catalog setting: the scenarios that read it, and a value other than its default. */
const FLIPS: Record<string, { tags: string; args: string[] }> = {
  galsyncFlow: {
    tags: '@GAL-02 and @tenant-check',
    args: ['--galsync', join(ROOT, 'examples/galsync/documented.yaml')],
  },
  outlookMode: { tags: '@SRCH-05', args: ['--setting', 'outlookMode=online'] },
  lyncVersion: { tags: '@SRCH-05', args: ['--setting', 'lyncVersion=2010'] },
  outlookVersion: { tags: '@SRCH-05', args: ['--setting', 'outlookVersion=2010'] },
  oabProfile: { tags: '@OAB-01', args: ['--setting', 'oabProfile=exchange2013'] },
  edgeOs: { tags: '@REPL-01', args: ['--setting', 'edgeOs=windows2012'] },
  sendTrustedIssuerList: { tags: '@REPL-01', args: ['--setting', 'sendTrustedIssuerList=0'] },
};

/** Runs the selected scenarios; per scenario that read `setting`: its value and what every wire witness saw. */
function outcomes(setting: string, tags: string, args: string[] = []) {
  const out = join(mkdtempSync(join(tmpdir(), 'lh-settings-')), 'run');
  const run = spawnSync(process.execPath, [BIN, 'run', '--tags', tags, '--out', out, '--quiet', ...args], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, `${setting} ${args.join(' ')}: ${run.stdout}${run.stderr}`);
  const seen = new Map<string, { value: string; wire: string }>();
  for (const s of readRunMessages(join(out, 'messages.ndjson')).scenarios) {
    const used = s.attachments.find((a) => a.mediaType === SETTINGS_MEDIA_TYPE);
    const value = used && (JSON.parse(used.body) as { settings: UsedSettings }).settings[setting]?.value;
    if (value === undefined) continue;
    const wire = s.attachments
      .filter((a) => a.mediaType === CHECK_MEDIA_TYPE)
      .map(
        (a) =>
          (JSON.parse(a.body) as { observations: Array<{ witness: string; value: unknown }> }).observations,
      )
      .map((list) => list.filter((o) => !o.witness.startsWith('model')).map((o) => o.value));
    seen.set(`${s.uri}:${s.name}`, { value, wire: JSON.stringify(wire) });
  }
  return seen;
}

test('every catalog setting is read by a scenario, and flipping it flips what a witness sees in one', {
  timeout: 600_000,
}, () => {
  assert.deepEqual(Object.keys(FLIPS).sort(), Object.keys(loadCatalog().settings).sort());
  for (const [setting, { tags, args }] of Object.entries(FLIPS)) {
    const before = outcomes(setting, tags);
    const after = outcomes(setting, tags, args);
    assert.ok(before.size > 0, `${setting}: no scenario of ${tags} reads it`);
    assert.deepEqual([...after.keys()], [...before.keys()], `${setting}: the same scenarios read it`);
    const flipped = [...before].filter(([key, b]) => after.get(key)!.wire !== b.wire);
    assert.ok(flipped.length > 0, `${setting}: ${args.join(' ')} changed no outcome of ${tags}`);
    for (const [key, b] of before) assert.notEqual(after.get(key)!.value, b.value, `${setting} in ${key}`);
  }
});
