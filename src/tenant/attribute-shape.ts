/**
 * The attribute names of a directory object, in order, with their lower-cased positions. Objects with
 * the same names share one shape (a 100,000-object tenant has a few dozen), so each holds only its
 * values: the harness's DirectoryEntry and the mock DC's CompactEntry both keep their objects this way.
 */
export interface AttributeShape {
  names: readonly string[];
  positions: ReadonlyMap<string, number>;
}

const shapes = new Map<string, AttributeShape>();

/** The one shape for these names, in this order. */
export function shapeOf(names: readonly string[]): AttributeShape {
  const key = names.join('\u0000');
  let shape = shapes.get(key);
  if (!shape) {
    shape = { names: [...names], positions: new Map(names.map((n, i) => [n.toLowerCase(), i])) };
    shapes.set(key, shape);
  }
  return shape;
}
