import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The third witness catches what the mock DC alone would hide: a fault put into ABC's mock DC only (a
 * domain never prepared for Lync, so RTCUniversalServerAdmins may not write users' msRTCSIP-*
 * attributes) must fail POL-02's example "svc-lyncpolicy with the right and in RTCUniversalServerAdmins
 * assigns the policy" with a message that names the model, the mock DC and Samba, each with its value:
 * the mock DC disagreeing, Samba (prepared for Lync, as the harness prepares it) agreeing with the model.
 * The same run without the fault passes. Run by `npm run test:samba`; exits 1 when the disagreement is
 * not caught as such.
 */
const SCENARIO = 'svc-lyncpolicy with the right and in RTCUniversalServerAdmins assigns the policy';
/** The test hook that makes ABC's mock DC a domain never prepared for Lync (steps/support/test-hooks.ts). */
const FAULT_HOOK = 'LYNC_HARNESS_TEST_UNPREPARED_DC';
const ROOT = resolve(__dirname, '..', '..');

function run(fault: boolean): { status: number | null; junit: string } {
  const out = mkdtempSync(join(tmpdir(), 'lh-third-witness-'));
  try {
    const env = { ...process.env };
    if (fault) env[FAULT_HOOK] = 'ldap-onpremises';
    else delete env[FAULT_HOOK];
    const result = spawnSync(
      process.execPath,
      [
        'bin/lync-harness.js',
        'run',
        '--ldap',
        'samba',
        '--tags',
        '@POL-02 and not @shows-failure',
        '--out',
        out,
        '--quiet',
      ],
      { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    return { status: result.status, junit: readFileSync(join(out, 'junit.xml'), 'utf8') };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function failureOf(junit: string, scenario: string): string | undefined {
  // JUnit names a test case "<rule> - <scenario>".
  const at = junit.indexOf(` - ${scenario}"`);
  if (at < 0) throw new Error(`[third-witness] junit.xml has no test case "${scenario}"`);
  const testcase = junit.slice(at, junit.indexOf('</testcase>', at));
  return /<failure[^>]*message="([^"]*)"/.exec(testcase)?.[1];
}

function main(): number {
  const problems: string[] = [];
  const clean = run(false);
  if (clean.status !== 0) problems.push(`without the fault the run should pass, exit status ${clean.status}`);
  const faulted = run(true);
  if (faulted.status !== 1)
    problems.push(`with the mock DC's fault the run should fail, exit status ${faulted.status}`);
  const failure = failureOf(faulted.junit, SCENARIO) ?? '';
  const decoded = failure
    .replace(/&#xA;/g, '\n')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&quot;/g, '"');
  for (const [what, pattern] of [
    ['the model agreeing', /✔ model: \[ 'RecordingAllowed' \]/],
    ['the mock DC disagreeing', /✘ ldap \(the mock DC\): \[ null \]/],
    ['Samba agreeing', /✔ samba \(Samba's AD DC\): \[ 'RecordingAllowed' \]/],
  ] as const)
    if (!pattern.test(decoded))
      problems.push(`the failure does not name ${what}: ${decoded || '(no failure)'}`);
  for (const p of problems) console.error(`[third-witness] ${p}`);
  if (!problems.length)
    console.log(
      `[third-witness] a fault in the mock DC alone fails "${SCENARIO}" naming all three:\n${decoded}`,
    );
  return problems.length ? 1 : 0;
}

process.exitCode = main();
