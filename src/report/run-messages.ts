import { readFileSync } from 'node:fs';

export type ScenarioStatus =
  | 'passed'
  | 'failed'
  | 'skipped'
  | 'pending'
  | 'undefined'
  | 'ambiguous'
  | 'unknown';

export interface Attachment {
  mediaType: string;
  body: string;
}

export interface ScenarioRun {
  pickleId: string;
  name: string;
  uri: string;
  tags: string[];
  status: ScenarioStatus;
  /** First failure message, if any. */
  error?: string;
  durationMs: number;
  attachments: Attachment[];
}

export interface RunMessages {
  scenarios: ScenarioRun[];
  /** True when the run reached testRunFinished. */
  finished: boolean;
  success?: boolean;
}

const RANK: ScenarioStatus[] = ['passed', 'skipped', 'pending', 'undefined', 'ambiguous', 'failed'];

/** Reads Cucumber's NDJSON messages into one record per executed scenario (pickle). */
export function readRunMessages(file: string): RunMessages {
  return parseRunMessages(readFileSync(file, 'utf8'));
}

export function parseRunMessages(ndjson: string): RunMessages {
  const pickles = new Map<string, { name: string; uri: string; tags: string[] }>();
  const caseToPickle = new Map<string, string>();
  const attemptToCase = new Map<string, string>();
  const runs = new Map<string, ScenarioRun>();
  let finished = false;
  let success: boolean | undefined;

  for (const line of ndjson.split('\n')) {
    if (!line.trim()) continue;
    const m = JSON.parse(line);
    if (m.pickle) {
      pickles.set(m.pickle.id, {
        name: m.pickle.name,
        uri: m.pickle.uri,
        tags: m.pickle.tags.map((t: { name: string }) => t.name),
      });
    } else if (m.testCase) {
      caseToPickle.set(m.testCase.id, m.testCase.pickleId);
    } else if (m.testCaseStarted) {
      const pickleId = caseToPickle.get(m.testCaseStarted.testCaseId)!;
      attemptToCase.set(m.testCaseStarted.id, pickleId);
      const pickle = pickles.get(pickleId)!;
      // A retried scenario starts again: the last attempt wins.
      runs.set(pickleId, { pickleId, ...pickle, status: 'passed', durationMs: 0, attachments: [] });
    } else if (m.testStepFinished) {
      const run = runs.get(attemptToCase.get(m.testStepFinished.testCaseStartedId)!);
      if (!run) continue;
      const result = m.testStepFinished.testStepResult;
      const status = String(result.status).toLowerCase() as ScenarioStatus;
      if (RANK.indexOf(status) > RANK.indexOf(run.status)) run.status = status;
      if (status === 'failed' && !run.error) run.error = result.message ?? result.exception?.message;
      run.durationMs += (result.duration?.seconds ?? 0) * 1000 + (result.duration?.nanos ?? 0) / 1e6;
    } else if (m.attachment) {
      const run = runs.get(attemptToCase.get(m.attachment.testCaseStartedId)!);
      if (run) run.attachments.push({ mediaType: m.attachment.mediaType, body: m.attachment.body });
    } else if (m.testRunFinished) {
      finished = true;
      success = m.testRunFinished.success;
    }
  }
  // Pickles that never started (interrupted run) are reported as unknown, never as passed.
  for (const [pickleId, pickle] of pickles) {
    if (!runs.has(pickleId))
      runs.set(pickleId, { pickleId, ...pickle, status: 'unknown', durationMs: 0, attachments: [] });
  }
  return { scenarios: [...runs.values()], finished, success };
}

/** Rule IDs a scenario is tagged with (`@GAL-02` → `GAL-02`). */
export function ruleTags(tags: string[]): string[] {
  return tags.filter((t) => /^@[A-Z]+-\d+$/.test(t)).map((t) => t.slice(1));
}
