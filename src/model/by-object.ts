import { type Verdict, verdict } from './verdict';

/**
 * The model's outcomes for a list of directory objects, each from its own verdict: the value of a
 * tenant-wide check's model side, naming every rule and model function that decided them.
 */
export function byObject<V>(
  decided: Array<[string, Verdict<V>]>,
  rulesWhenNone: string[] = [],
): Verdict<Array<[string, V]>> {
  const rules = decided.length ? [...new Set(decided.flatMap(([, v]) => v.rules))] : rulesWhenNone;
  const functions = [...new Set(decided.map(([, v]) => v.decidedBy))];
  return verdict(
    { name: functions.join(', ') || 'byObject' },
    decided.map(([dn, v]) => [dn, v.value]),
    rules,
    `${decided.length} object(s), each decided by ${functions.join(', ') || 'no model function'}`,
  );
}
