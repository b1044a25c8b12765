import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProgressDisplay } from './progress-display';
import { parseRunMessages } from './run-messages';

const pickle = (id: string, tags: string[]) => ({
  pickle: { id, name: id, uri: 'f.feature', tags: tags.map((name) => ({ name })) },
});
const passed = { status: 'PASSED', duration: { seconds: 0, nanos: 0 } };
const ENVELOPES = [
  pickle('a', ['@GAL-01']),
  pickle('b', ['@GAL-01']),
  pickle('c', ['@GAL-02']),
  pickle('d', ['@OAB-01']),
  { testRunStarted: { timestamp: { seconds: 0, nanos: 0 } } },
  { testCase: { id: 'ta', pickleId: 'a' } },
  { testCase: { id: 'tb', pickleId: 'b' } },
  { testCase: { id: 'tc', pickleId: 'c' } },
  { testCaseStarted: { id: 'sa', testCaseId: 'ta' } },
  { testStepFinished: { testCaseStartedId: 'sa', testStepResult: passed } },
  { testCaseFinished: { testCaseStartedId: 'sa', willBeRetried: false } },
  { testCaseStarted: { id: 'sc', testCaseId: 'tc' } },
  {
    testStepFinished: {
      testCaseStartedId: 'sc',
      testStepResult: { ...passed, status: 'FAILED', message: 'boom' },
    },
  },
  { testCaseFinished: { testCaseStartedId: 'sc', willBeRetried: false } },
];

test('an interrupted run: started scenarios keep their status, unstarted ones are unknown, unselected excluded', () => {
  const ndjson = `${ENVELOPES.map((e) => JSON.stringify(e)).join('\n')}\n{"testCaseStarted":{"id":`;
  const run = parseRunMessages(ndjson);
  assert.equal(run.finished, false);
  const status = Object.fromEntries(run.scenarios.map((s) => [s.pickleId, s.status]));
  assert.deepEqual(status, { a: 'passed', b: 'unknown', c: 'failed' });
  assert.deepEqual(
    run.excluded?.map((p) => p.name),
    ['d'],
  );
  assert.equal(run.scenarios.find((s) => s.pickleId === 'c')?.error, 'boom');
});

test('before the run starts, every pickle counts as unknown rather than excluded', () => {
  const run = parseRunMessages(
    ENVELOPES.slice(0, 4)
      .map((e) => JSON.stringify(e))
      .join('\n'),
  );
  assert.equal(run.scenarios.length, 4);
  assert.ok(run.scenarios.every((s) => s.status === 'unknown'));
});

test('the progress line counts rules done out of the rules selected, and failures', () => {
  let written = '';
  let clock = 0;
  const progress = new ProgressDisplay(
    { write: (t: string) => (written += t), columns: 120 },
    () => (clock += 1000),
  );
  for (const e of ENVELOPES) progress.onMessage(e);
  assert.equal(progress.line(), 'rules 1/2 done · scenarios 2/3 · 1 failed · now GAL-02');
  progress.onMessage({ testCaseStarted: { id: 'sb', testCaseId: 'tb' } });
  progress.onMessage({ testCaseFinished: { testCaseStartedId: 'sb', willBeRetried: false } });
  progress.onMessage({ testRunFinished: { success: false } });
  assert.equal(progress.line(), 'rules 2/2 done · scenarios 3/3 · 1 failed');
  assert.ok(written.endsWith('rules 2/2 done · scenarios 3/3 · 1 failed\n'));
  assert.ok(written.includes('\r\x1b[K'));
});

test("a service's death, named by the After hook, is the scenario's error before the step it broke", () => {
  const failed = (message: string) => ({
    testStepFinished: { testCaseStartedId: 'sa', testStepResult: { ...passed, status: 'FAILED', message } },
  });
  const death = '[harness] service "exchange" died mid-run: its process was killed (SIGKILL)';
  const envelopes = [
    pickle('a', ['@SRCH-01']),
    { testCase: { id: 'ta', pickleId: 'a' } },
    { testCaseStarted: { id: 'sa', testCaseId: 'ta' } },
    failed('TypeError: fetch failed'),
    failed(death),
    failed('[harness] requests no mock handler matched'),
  ];
  const run = parseRunMessages(envelopes.map((e) => JSON.stringify(e)).join('\n'));
  assert.equal(run.scenarios[0].error, `${death}\nTypeError: fetch failed`);
});
