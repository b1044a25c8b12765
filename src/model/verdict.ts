/** A decision of the reference model: the outcome, the rule IDs that decided it, and why, in words. */
export interface Verdict<T = boolean> {
  value: T;
  rules: string[];
  reason: string;
}

export function verdict<T>(value: T, rules: string[], reason: string): Verdict<T> {
  return { value, rules, reason };
}
