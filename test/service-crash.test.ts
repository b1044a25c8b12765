import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { FindingsFile } from '../src/report/finding-types';

const BIN = join(__dirname, '..', 'bin', 'lync-harness.js');
const REPORT_FILES = [
  'report.html',
  'report.md',
  'junit.xml',
  'messages.ndjson',
  'findings.json',
  'manifest.json',
];

/** Each service, the rule area that uses it, and the scenario at whose start it is crashed. */
const CRASHES: Array<{ service: string; tags: string; at: string }> = [
  {
    service: 'ldap-onpremises',
    tags: '@POL',
    at: 'The members of CSLyncRecordingUsers get RecordingAllowed',
  },
  {
    service: 'ldap-online',
    tags: '@GAL-05',
    at: 'A contact with mailNickname and targetAddress is exported',
  },
  { service: 'exchange', tags: '@SRCH-01', at: 'A licensed Lync Online user is found through EWS' },
  { service: 'lync-online', tags: '@PRES-02', at: 'The 250th contact is pinned' },
  { service: 'lync-fe', tags: '@PHONE', at: 'A new phone signs in with extension and PIN' },
  { service: 'edge', tags: '@REPL-03', at: "The notes' fix on a Windows Server 2008 R2 Edge" },
];

async function runWithCrash(crash: (typeof CRASHES)[number]) {
  const out = join(mkdtempSync(join(tmpdir(), `lh-crash-${crash.service}-`)), 'run');
  const child = spawn(process.execPath, [BIN, 'run', '--quiet', '--tags', crash.tags, '--out', out], {
    env: { ...process.env, LYNC_HARNESS_TEST_CRASH: `${crash.service}@${crash.at}` },
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c;
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c;
  });
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, output, out };
}

describe('a mock that dies mid-run fails only the scenario it died in, named; the run goes on and reports', () => {
  for (const crash of CRASHES) {
    test(crash.service, async () => {
      const run = await runWithCrash(crash);
      assert.equal(run.status, 1, run.output);
      for (const file of REPORT_FILES) assert.ok(existsSync(join(run.out, file)), `${file} is written`);
      const died = new RegExp(
        `service "${crash.service}" died mid-run: its process was killed \\(SIGKILL\\)`,
      );
      // messages.ndjson holds the message as JSON, its quotes escaped.
      assert.match(readFileSync(join(run.out, 'messages.ndjson'), 'utf8').replaceAll('\\"', '"'), died);
      for (const page of ['report.md', 'report.html'])
        assert.match(
          readFileSync(join(run.out, page), 'utf8'),
          new RegExp(`service (&quot;|")${crash.service}(&quot;|") died mid-run`),
          `${page} names the service that died`,
        );
      const findings = JSON.parse(readFileSync(join(run.out, 'findings.json'), 'utf8')) as FindingsFile;
      const scenarios = Object.values(findings.rules).flatMap((r) => r.scenarios);
      const failed = scenarios.filter((s) => s.status === 'failed').map((s) => s.name);
      assert.equal(failed.length, 1, `only the scenario the service died in fails: ${failed.join('; ')}`);
      assert.ok(failed[0].startsWith(crash.at), failed[0]);
      assert.ok(
        scenarios.some((s) => s.status === 'passed'),
        `the scenarios after the crash use a new ${crash.service} and pass:\n${run.output}`,
      );
    });
  }
});
