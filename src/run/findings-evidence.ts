import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceRef } from './evidence';

/** One rule outcome for one directory object, as a tenant check writes it (the report's FindingEntry). */
export interface FindingRow {
  rule: string;
  dn: string;
  forest: string;
  outcome: 'holds' | 'finding';
  severity?: 'blocking' | 'warning' | 'info';
  message: string;
  witnesses: string[];
}

const FLUSH_AT = 1 << 20;
let opened = 0;

/**
 * A tenant check's findings written to its evidence file as they are decided, never held as a list:
 * a JSON array with one finding per line (`[`, `{...},`, ..., `]`), so the report can read it back a
 * line at a time. Hashed while written; `close` names it by its SHA-256 like every evidence file.
 */
export class FindingsEvidenceWriter {
  private readonly temp: string;
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private buffer = '';
  private bytes = 0;
  private rows = 0;
  holds = 0;
  findings = 0;
  blocking = 0;
  /** The first flagged rows, for the scenario's summary. */
  readonly sample: FindingRow[] = [];

  constructor(
    private readonly outDir: string,
    private readonly sampleSize = 20,
  ) {
    mkdirSync(join(outDir, 'evidence'), { recursive: true });
    this.temp = join(outDir, 'evidence', `.findings-${process.pid}-${++opened}.partial`);
    this.fd = openSync(this.temp, 'w');
  }

  write(row: FindingRow): void {
    if (row.outcome === 'holds') this.holds++;
    else {
      this.findings++;
      if (row.severity === 'blocking') this.blocking++;
      if (this.sample.length < this.sampleSize) this.sample.push(row);
    }
    this.append(`${this.rows++ === 0 ? '[\n' : ',\n'}${JSON.stringify(row)}`);
  }

  get count(): number {
    return this.rows;
  }

  /** Ends the array and stores the file as `evidence/<sha256>.json`. */
  close(): EvidenceRef {
    this.append(this.rows === 0 ? '[]' : '\n]');
    this.flush();
    closeSync(this.fd);
    const sha256 = this.hash.digest('hex');
    const file = join('evidence', `${sha256}.json`);
    if (existsSync(join(this.outDir, file))) unlinkSync(this.temp);
    else renameSync(this.temp, join(this.outDir, file));
    return { sha256, file, bytes: this.bytes };
  }

  /** Leaves nothing behind when the check never reported (its scenario failed first). */
  discard(): void {
    closeSync(this.fd);
    unlinkSync(this.temp);
  }

  private append(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (!this.buffer) return;
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.buffer = '';
    this.hash.update(chunk);
    writeSync(this.fd, chunk);
    this.bytes += chunk.length;
  }
}
