import type { ProtocolName } from './protocol';

export type FailureKind = 'death' | 'hang' | 'unhealthy' | 'bad error';

export interface Failure {
  kind: FailureKind;
  detail: string;
  /** Input numbers (of this seed) that were in the batch when it happened. */
  batch: [number, number];
  /** Whether the input was searched for (only the first --triage failures are). */
  triaged: boolean;
  /** The input that alone reproduces it, when triage found one. */
  culprit?: { index: number; label: string; file?: string; bytes: number };
}

/** What one protocol's run did: inputs, answers by kind, failures, health checks, the server's memory. */
export class Tally {
  sent = 0;
  readonly kinds = new Map<string, number>();
  /** The first input of each kind (its label), shown for the kinds worth a look (5xx, timeouts, oddities). */
  readonly examples = new Map<string, string>();
  readonly failures: Failure[] = [];
  /** Errors the server processes caught at their top level and survived (logged by serve-one). */
  strayErrors = 0;
  firstStray?: string;
  healthAnswered = 0;
  healthFailed = 0;
  restarts = 0;
  rssBefore: Record<string, number | undefined> = {};
  rssAfter: Record<string, number | undefined> = {};
  ms = 0;
  stoppedEarly?: string;

  constructor(
    readonly protocol: ProtocolName,
    readonly seed: number,
    readonly count: number,
  ) {}

  answer(kind: string, label: string, index: number): void {
    this.sent++;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
    if (!this.examples.has(kind)) this.examples.set(kind, `#${index} ${label}`);
  }

  addStrays(strays: { count: number; first?: string }): void {
    this.strayErrors += strays.count;
    this.firstStray ??= strays.first;
  }

  failuresOf(kind: FailureKind): number {
    return this.failures.filter((f) => f.kind === kind).length;
  }

  get failed(): boolean {
    return this.failures.length > 0 || this.healthFailed > 0 || this.stoppedEarly !== undefined;
  }
}

const NOTABLE = /^5xx|timeout|not HTTP|unreadable|not TLS|reset/;
const mb = (bytes?: number) => (bytes === undefined ? '?' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** The run's figures for one protocol, as printed at the end. */
export function formatTally(t: Tally): string {
  const kinds = [...t.kinds.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  const lines = [
    `${t.protocol}: ${t.sent} of ${t.count} inputs sent in ${(t.ms / 1000).toFixed(1)} s (seed ${t.seed})`,
    `  answers: ${kinds.join(', ') || 'none'}`,
    `  process deaths ${t.failuresOf('death')}, hangs ${t.failuresOf('hang')}` +
      (t.protocol === 'ldif' ? `, errors other than LdifError ${t.failuresOf('bad error')}` : '') +
      `, health checks ${t.healthAnswered} answered, ${t.healthFailed} failed, server restarts ${t.restarts}`,
    `  server RSS before -> after: ${Object.keys(t.rssBefore)
      .map((name) => `${name} ${mb(t.rssBefore[name])} -> ${mb(t.rssAfter[name])}`)
      .join(', ')}`,
  ];
  if (t.strayErrors)
    lines.push(
      `  stray errors the servers logged and survived: ${t.strayErrors} (first: ${t.firstStray?.slice(0, 200)})`,
    );
  const notable = [...t.examples.entries()].filter(([kind]) => NOTABLE.test(kind));
  if (notable.length) lines.push(`  first of each: ${notable.map(([k, e]) => `${k} <- ${e}`).join('; ')}`);
  for (const f of t.failures.filter((f) => f.triaged)) {
    const culprit = f.culprit
      ? `input #${f.culprit.index} (${f.culprit.label}, ${f.culprit.bytes} bytes)${f.culprit.file ? ` -> ${f.culprit.file}` : ''}`
      : `inputs #${f.batch[0]}-#${f.batch[1]}, no single input reproduces it`;
    lines.push(`  FAILED ${f.kind}: ${f.detail.split('\n')[0].slice(0, 200)}; ${culprit}`);
  }
  const untriaged = t.failures.filter((f) => !f.triaged);
  if (untriaged.length)
    lines.push(
      `  FAILED ${untriaged.length} more times, not triaged (--triage): ` +
        `${untriaged.filter((f) => f.kind === 'death').length} deaths, ${untriaged.filter((f) => f.kind === 'hang').length} hangs, ` +
        `${untriaged.filter((f) => f.kind === 'unhealthy' || f.kind === 'bad error').length} other`,
    );
  if (t.stoppedEarly) lines.push(`  STOPPED EARLY: ${t.stoppedEarly}`);
  return lines.join('\n');
}
