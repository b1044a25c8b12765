import type { FindingEntry } from './finding-types';
import type { FindingAt, FindingsEvidenceFile } from './findings-evidence-file';

/** A column of numbers that grows as findings are added (a few bytes per finding, not an object). */
class Column {
  data: Uint32Array | Float64Array;
  size = 0;
  constructor(private readonly wide: boolean) {
    this.data = wide ? new Float64Array(1024) : new Uint32Array(1024);
  }
  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = this.wide ? new Float64Array(this.size * 2) : new Uint32Array(this.size * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }
}

/**
 * Where every finding of a run is (its evidence file and line) and which object it belongs to, so the
 * findings can be written grouped by object without holding them: each object gets a number in order
 * of first appearance; a finding costs a handful of numbers.
 */
export class FindingsIndex {
  private readonly ordinals = new Map<string, number>();
  private readonly object = new Column(false);
  private readonly file = new Column(false);
  private readonly at = new Column(true);
  private readonly length = new Column(false);

  constructor(readonly files: FindingsEvidenceFile[]) {}

  /** Records a finding of `files[file]`; returns its object's number. */
  add(file: number, found: FindingAt): number {
    let ordinal = this.ordinals.get(found.entry.dn);
    if (ordinal === undefined) {
      ordinal = this.ordinals.size;
      this.ordinals.set(found.entry.dn, ordinal);
    }
    this.object.push(ordinal);
    this.file.push(file);
    this.at.push(found.at);
    this.length.push(found.length);
    return ordinal;
  }

  get objects(): number {
    return this.ordinals.size;
  }

  get findings(): number {
    return this.object.size;
  }

  /** Each object's findings, objects in order of first appearance, each one's findings in run order. */
  *byObject(): Generator<FindingEntry[]> {
    const n = this.findings;
    const object = this.object.data;
    // A counting sort of the findings by object number (stable, so run order is kept within an object).
    const starts = new Uint32Array(this.objects + 1);
    for (let i = 0; i < n; i++) starts[object[i] + 1]++;
    for (let o = 0; o < this.objects; o++) starts[o + 1] += starts[o];
    const next = starts.slice(0, this.objects);
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[next[object[i]]++] = i;
    for (let o = 0; o < this.objects; o++) {
      const list: FindingEntry[] = [];
      for (let k = starts[o]; k < starts[o + 1]; k++) {
        const i = order[k];
        list.push(this.files[this.file.data[i]].read(this.at.data[i], this.length.data[i]));
      }
      yield list;
    }
  }
}
