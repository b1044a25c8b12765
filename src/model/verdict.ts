/** Only this module holds it, so only `verdict()` below can make a Verdict. */
const MINT: unique symbol = Symbol('lync-harness model verdict');

/**
 * A decision of the reference model: the outcome, the rule IDs that decided it, why, in words, and the
 * model function that decided it. The private field makes the type nominal: an object literal, a
 * constant or a value a step computed is not a Verdict, so it cannot stand as the model's witness.
 */
export class Verdict<T = boolean> {
  readonly #minted = true;
  readonly value: T;
  readonly rules: string[];
  readonly reason: string;
  /** The src/model function that decided it, e.g. `ewsLookup`. */
  readonly decidedBy: string;

  constructor(mint: typeof MINT, decidedBy: string, value: T, rules: string[], reason: string) {
    if (mint !== MINT || !this.#minted) throw new Error('[model] a Verdict is made by src/model only');
    this.decidedBy = decidedBy;
    this.value = value;
    this.rules = rules;
    this.reason = reason;
  }
}

/** Made by model functions only (a test keeps every other folder from importing it). */
export function verdict<T>(
  decidedBy: { name: string },
  value: T,
  rules: string[],
  reason: string,
): Verdict<T> {
  if (rules.length === 0)
    throw new Error(`[model] ${decidedBy.name}: a verdict names the rules that decided it`);
  return new Verdict(MINT, decidedBy.name, value, rules, reason);
}

/** One field of a model verdict, as a verdict of the same function (`searchableAt.hours`). */
export function part<T, K extends keyof T>(whole: Verdict<T>, key: K): Verdict<T[K]> {
  return new Verdict(MINT, `${whole.decidedBy}.${String(key)}`, whole.value[key], whole.rules, whole.reason);
}
