import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';

/**
 * A difference between Samba's AD DC (the third witness of `--ldap samba`) and Active Directory that a
 * check meets: Samba's answer to that claim differs from AD's for a reason that is Samba's, not the
 * rule's. The check shows it as an allowed difference, with the reason, instead of failing.
 */
export interface SambaDifference {
  rule: string;
  /** The check's claim, exactly as the step words it. */
  claim: string;
  /** What Samba answers, exactly; any other Samba answer still fails the check. */
  samba: unknown;
  reason: string;
}

export const SAMBA_DIFFERENCES_FILE = join(__dirname, '..', '..', 'catalog', 'samba-differences.yaml');

/** Reads and checks the written allow-list (catalog/samba-differences.yaml). */
export function loadSambaDifferences(file = SAMBA_DIFFERENCES_FILE): SambaDifference[] {
  const list = (parse(readFileSync(file, 'utf8')) ?? []) as Partial<SambaDifference>[];
  if (!Array.isArray(list)) throw new Error(`[catalog] ${file}: expected a list of differences`);
  return list.map((d, i) => {
    if (!d.rule || !d.claim || d.samba === undefined || !d.reason?.trim())
      throw new Error(
        `[catalog] ${file}: difference #${i + 1} needs rule, claim, samba (Samba's exact answer) and reason`,
      );
    return d as SambaDifference;
  });
}

/** The allow-list entry that explains Samba answering `value` to the claim, if any. */
export function sambaDifferenceFor(
  differences: SambaDifference[],
  rules: string[],
  claim: string,
  value: unknown,
): SambaDifference | undefined {
  return differences.find(
    (d) => rules.includes(d.rule) && d.claim === claim && isDeepStrictEqual(d.samba, value),
  );
}
