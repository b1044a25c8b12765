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

/** How the harness names a mock service whose process or container died (src/harness/process-service.ts). */
const SERVICE_DIED = /\[(?:harness|containers)\] service "[^"]+" died/;

export interface ScenarioRun {
  pickleId: string;
  name: string;
  uri: string;
  tags: string[];
  status: ScenarioStatus;
  /** First failure message, if any. */
  error?: string;
  /** Its error class: `RuleViolation` when a rule did not hold or witnesses disagreed; else the harness failed. */
  errorType?: string;
  durationMs: number;
  attachments: Attachment[];
}

export interface PickleInfo {
  name: string;
  uri: string;
  tags: string[];
}

export interface RunMessages {
  /** Every scenario selected for the run; those that never started have status `unknown`. */
  scenarios: ScenarioRun[];
  /** True when the run reached testRunFinished. */
  finished: boolean;
  success?: boolean;
  /** Scenarios the run's tag expression left out (they exist in features/ but were not selected). */
  excluded?: PickleInfo[];
  /** Feature names by feature file. */
  features?: Record<string, string>;
  startedAt?: string;
  finishedAt?: string;
}

const RANK: ScenarioStatus[] = ['passed', 'skipped', 'pending', 'undefined', 'ambiguous', 'failed'];

type Timestamp = { seconds: number; nanos: number };
const iso = (t?: Timestamp) => (t ? new Date(t.seconds * 1000 + t.nanos / 1e6).toISOString() : undefined);

/**
 * Folds Cucumber's message envelopes, one at a time, into one record per scenario (pickle). Used on a
 * messages.ndjson file and live during a run (runCucumber's onMessage), so an interrupted run can still
 * be reported from what arrived.
 */
export class RunMessagesCollector {
  private readonly pickles = new Map<string, PickleInfo>();
  private readonly features: Record<string, string> = {};
  private readonly caseToPickle = new Map<string, string>();
  private readonly attemptToPickle = new Map<string, string>();
  private readonly runs = new Map<string, ScenarioRun>();
  private runStarted = false;
  /** True once testRunFinished arrived. */
  finished = false;
  private success?: boolean;
  private startedAt?: string;
  private finishedAt?: string;

  // biome-ignore lint/suspicious/noExplicitAny: Cucumber envelopes are plain JSON.
  add(m: any): void {
    if (m.pickle) {
      const tags = m.pickle.tags.map((t: { name: string }) => t.name);
      this.pickles.set(m.pickle.id, { name: m.pickle.name, uri: m.pickle.uri, tags });
    } else if (m.gherkinDocument?.feature) {
      this.features[m.gherkinDocument.uri] = m.gherkinDocument.feature.name;
    } else if (m.testRunStarted) {
      this.runStarted = true;
      this.startedAt = iso(m.testRunStarted.timestamp);
    } else if (m.testCase) {
      this.caseToPickle.set(m.testCase.id, m.testCase.pickleId);
    } else if (m.testCaseStarted) {
      const pickleId = this.caseToPickle.get(m.testCaseStarted.testCaseId)!;
      this.attemptToPickle.set(m.testCaseStarted.id, pickleId);
      const pickle = this.pickles.get(pickleId)!;
      // A retried scenario starts again: the last attempt wins.
      this.runs.set(pickleId, { pickleId, ...pickle, status: 'passed', durationMs: 0, attachments: [] });
    } else if (m.testStepFinished) {
      this.stepFinished(m.testStepFinished);
    } else if (m.attachment) {
      const run = this.runs.get(this.attemptToPickle.get(m.attachment.testCaseStartedId)!);
      if (run) run.attachments.push({ mediaType: m.attachment.mediaType, body: m.attachment.body });
    } else if (m.testRunFinished) {
      this.finished = true;
      this.success = m.testRunFinished.success;
      this.finishedAt = iso(m.testRunFinished.timestamp);
    }
  }

  private stepFinished(step: {
    testCaseStartedId: string;
    testStepResult: {
      status: string;
      message?: string;
      exception?: { type?: string; message?: string };
      duration?: Timestamp;
    };
  }): void {
    const run = this.runs.get(this.attemptToPickle.get(step.testCaseStartedId)!);
    if (!run) return;
    const result = step.testStepResult;
    const status = String(result.status).toLowerCase() as ScenarioStatus;
    if (RANK.indexOf(status) > RANK.indexOf(run.status)) run.status = status;
    if (status === 'failed')
      this.failed(run, result.message ?? result.exception?.message, result.exception?.type);
    run.durationMs += (result.duration?.seconds ?? 0) * 1000 + (result.duration?.nanos ?? 0) / 1e6;
  }

  /**
   * The first failure is the scenario's error, unless a service died during it: the death (named by the
   * After hook, after the steps it broke) is the cause, so it comes first.
   */
  private failed(run: ScenarioRun, message: string | undefined, type: string | undefined): void {
    if (!run.error) {
      run.error = message;
      run.errorType = type;
    } else if (message && SERVICE_DIED.test(message)) {
      run.error = `${message}\n${run.error}`;
      run.errorType = type;
    }
  }

  result(): RunMessages {
    const selected = new Set(this.caseToPickle.values());
    const scenarios: ScenarioRun[] = [];
    const excluded: PickleInfo[] = [];
    for (const [pickleId, pickle] of this.pickles) {
      const run = this.runs.get(pickleId);
      if (run) scenarios.push({ ...run, attachments: [...run.attachments] });
      // Once the run started, every selected scenario has a test case: the others were filtered out.
      else if (this.runStarted && !selected.has(pickleId)) excluded.push(pickle);
      // Selected (or possibly selected) but never started: unknown, never passed.
      else scenarios.push({ pickleId, ...pickle, status: 'unknown', durationMs: 0, attachments: [] });
    }
    return {
      scenarios,
      finished: this.finished,
      success: this.success,
      excluded,
      features: { ...this.features },
      startedAt: this.startedAt,
      finishedAt: this.finishedAt,
    };
  }
}

/** Reads Cucumber's NDJSON messages into one record per scenario (pickle). */
export function readRunMessages(file: string): RunMessages {
  return parseRunMessages(readFileSync(file, 'utf8'));
}

export function parseRunMessages(ndjson: string): RunMessages {
  const collector = new RunMessagesCollector();
  for (const line of ndjson.split('\n')) {
    if (!line.trim()) continue;
    try {
      collector.add(JSON.parse(line));
    } catch (error) {
      // An interrupted run can leave a half-written last line: keep what is complete.
      if (!(error instanceof SyntaxError)) throw error;
    }
  }
  return collector.result();
}

/** Rule IDs a scenario is tagged with (`@GAL-02` → `GAL-02`). */
export function ruleTags(tags: string[]): string[] {
  return tags.filter((t) => /^@[A-Z]+-\d+$/.test(t)).map((t) => t.slice(1));
}
