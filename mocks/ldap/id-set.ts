/**
 * A set of entries kept as one byte per entry id (the presence half of an attribute index): at 100,000
 * objects and twenty indexed attributes a Set per index would cost more than the objects' values.
 * It is read in id order, which is tree order.
 */
export class IdSet<E extends { readonly id: number }> implements Iterable<E> {
  private marks = new Uint8Array(1024);
  size = 0;

  constructor(private readonly resolve: (id: number) => E | undefined) {}

  add(entry: E): void {
    const id = entry.id;
    if (id >= this.marks.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.marks.length * 2));
      grown.set(this.marks);
      this.marks = grown;
    }
    if (this.marks[id] === 0) {
      this.marks[id] = 1;
      this.size++;
    }
  }

  delete(entry: E): void {
    const id = entry.id;
    if (id < this.marks.length && this.marks[id] === 1) {
      this.marks[id] = 0;
      this.size--;
    }
  }

  has(entry: E): boolean {
    return entry.id < this.marks.length && this.marks[entry.id] === 1;
  }

  *[Symbol.iterator](): Iterator<E> {
    const marks = this.marks;
    for (let id = 0; id < marks.length; id++) {
      if (marks[id] === 0) continue;
      const entry = this.resolve(id);
      if (entry) yield entry;
    }
  }
}
