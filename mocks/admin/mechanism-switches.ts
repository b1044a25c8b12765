import { AdminInputError, type AdminRoute, parseJson } from './admin-routes';

type Value = boolean | number;

/**
 * A mock's mechanism faults: deployment facts a real service could have otherwise (an address list,
 * a sign-in rule, a directory limit), set through `PUT /__admin/mechanism {fact: value}` until the next
 * reset. Each fact keeps its default's type; `changed` runs only when a value really changes, so setting
 * the same fault again (after every step) does not disturb the scenario.
 */
export class MechanismSwitches<T extends Record<string, Value>> {
  private current: T;

  constructor(
    private readonly service: string,
    private readonly defaults: T,
    private readonly changed?: (now: T) => void,
  ) {
    this.current = { ...defaults };
  }

  get values(): Readonly<T> {
    return this.current;
  }

  /** Back to the service's normal behaviour (called by the mock's reset, before its fixtures are restored). */
  reset(): void {
    this.current = { ...this.defaults };
  }

  readonly route: AdminRoute = (req) => {
    const given = parseJson(req.body, `{ fact: value } of ${Object.keys(this.defaults).join(', ')}`);
    for (const [fact, value] of Object.entries(given))
      if (!(fact in this.defaults) || typeof value !== typeof this.defaults[fact])
        throw new AdminInputError(
          `[mock:${this.service}] mechanism: ${fact} is not one of ${Object.keys(this.defaults).join(', ')} or not a ${typeof this.defaults[fact]}`,
          'bad-mechanism',
        );
    const next = { ...this.current, ...(given as Partial<T>) };
    const differs = Object.keys(next).some((k) => next[k] !== this.current[k]);
    this.current = next;
    if (differs) this.changed?.(next);
    return { json: { mechanism: this.current } };
  };
}
