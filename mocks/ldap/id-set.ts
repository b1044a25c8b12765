/**
 * A set of entries kept as one byte per entry id (the presence half of an attribute index, and the
 * keys most objects share, such as objectClass=top): at 100,000 objects and twenty indexed attributes a
 * Set per index would cost more than the objects' values. It is read in id order, which is tree order.
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

  /** Removes the entry; false when it was not in the set. */
  delete(entry: E): boolean {
    const id = entry.id;
    if (id >= this.marks.length || this.marks[id] === 0) return false;
    this.marks[id] = 0;
    this.size--;
    return true;
  }

  has(entry: E): boolean {
    return entry.id < this.marks.length && this.marks[entry.id] === 1;
  }

  forEach(visit: (entry: E) => void): void {
    for (const entry of this) visit(entry);
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
