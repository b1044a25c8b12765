/**
 * The attribute names of a directory object, in order, with their lower-cased positions. Objects with
 * the same names share one shape (a 100,000-object tenant has a few dozen), so each holds only its
 * values: the harness's DirectoryEntry and the mock DC's CompactEntry both keep their objects this way.
 */
export interface AttributeShape {
  names: readonly string[];
  positions: ReadonlyMap<string, number>;
  /** The shapes reached from this one by adding a name (shapeWith), by that name. */
  readonly grown: Map<string, AttributeShape>;
}

const shapes = new Map<string, AttributeShape>();

/** The one shape for these names, in this order. */
export function shapeOf(names: readonly string[]): AttributeShape {
  const key = names.join('\u0000');
  let shape = shapes.get(key);
  if (!shape) {
    const positions = new Map(names.map((n, i) => [n.toLowerCase(), i]));
    shape = { names: [...names], positions, grown: new Map() };
    shapes.set(key, shape);
  }
  return shape;
}

/**
 * The shape of `shape`'s names with `name` added last. The step is remembered, so an object built one
 * attribute at a time (an LDIF record as it is read) pays a map look-up per attribute, not a new key.
 */
export function shapeWith(shape: AttributeShape, name: string): AttributeShape {
  let next = shape.grown.get(name);
  if (!next) {
    next = shapeOf([...shape.names, name]);
    shape.grown.set(name, next);
  }
  return next;
}
