import { ruleTags } from './run-messages';

interface Output {
  write(text: string): unknown;
  columns?: number;
}

/**
 * One self-rewriting line on a terminal while the suite runs: rules done out of the rules the run
 * selected, scenarios done, failures so far. Fed with Cucumber's message envelopes.
 */
export class ProgressDisplay {
  private readonly pickleRules = new Map<string, string[]>();
  private readonly caseRules = new Map<string, string[]>();
  private readonly attemptRules = new Map<string, string[]>();
  private readonly failedAttempts = new Set<string>();
  private readonly remaining = new Map<string, number>();
  private scenariosTotal = 0;
  private scenariosDone = 0;
  private failed = 0;
  private rulesDone = 0;
  private current = '';
  private lastDraw = 0;
  private shown = false;
  private ended = false;

  constructor(
    private readonly out: Output,
    private readonly now: () => number = Date.now,
  ) {}

  // biome-ignore lint/suspicious/noExplicitAny: Cucumber envelopes are plain JSON.
  onMessage(m: any): void {
    if (m.pickle) {
      this.pickleRules.set(m.pickle.id, ruleTags(m.pickle.tags.map((t: { name: string }) => t.name)));
    } else if (m.testCase) {
      const rules = this.pickleRules.get(m.testCase.pickleId) ?? [];
      this.caseRules.set(m.testCase.id, rules);
      this.scenariosTotal++;
      for (const r of rules) this.remaining.set(r, (this.remaining.get(r) ?? 0) + 1);
    } else if (m.testCaseStarted) {
      const rules = this.caseRules.get(m.testCaseStarted.testCaseId) ?? [];
      this.attemptRules.set(m.testCaseStarted.id, rules);
      this.current = rules.join(' ');
      this.draw(false);
    } else if (m.testStepFinished?.testStepResult?.status === 'FAILED') {
      this.failedAttempts.add(m.testStepFinished.testCaseStartedId);
    } else if (m.testCaseFinished && !m.testCaseFinished.willBeRetried) {
      this.finishCase(m.testCaseFinished.testCaseStartedId);
    } else if (m.testRunFinished) {
      this.end();
    }
  }

  private finishCase(attemptId: string): void {
    this.scenariosDone++;
    if (this.failedAttempts.has(attemptId)) this.failed++;
    for (const r of this.attemptRules.get(attemptId) ?? []) {
      const left = (this.remaining.get(r) ?? 1) - 1;
      this.remaining.set(r, left);
      if (left === 0) this.rulesDone++;
    }
    this.draw(false);
  }

  /** The line as it is drawn, e.g. `rules 12/30 done · scenarios 37/120 · 1 failed · now GAL-05`. */
  line(): string {
    const failed = this.failed ? ` · ${this.failed} failed` : '';
    const now = this.current && this.scenariosDone < this.scenariosTotal ? ` · now ${this.current}` : '';
    return `rules ${this.rulesDone}/${this.remaining.size} done · scenarios ${this.scenariosDone}/${this.scenariosTotal}${failed}${now}`;
  }

  private draw(force: boolean): void {
    if (this.ended) return;
    const t = this.now();
    if (!force && t - this.lastDraw < 100) return;
    this.lastDraw = t;
    const width = (this.out.columns || 100) - 1;
    this.out.write(`\r\x1b[K${this.line().slice(0, width)}`);
    this.shown = true;
  }

  /** Draws the final state and ends the line, so whatever prints next starts on a fresh line. */
  end(): void {
    if (this.ended || (!this.shown && this.scenariosTotal === 0)) return;
    this.draw(true);
    this.ended = true;
    this.out.write('\n');
  }
}
