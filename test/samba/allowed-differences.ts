import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Difference } from './compare-answers';
import { familyOf } from './generated-queries';

export interface Allowance {
  /** The request's name (queries.ts), or */
  query?: string;
  /** the family of requests (`read by DN`, `recorded search`, ...: generated-queries.ts) it is found in. */
  family?: string;
  kind: Difference['kind'];
  subject?: string;
  /** Only when the mock's side is exactly this value. */
  mock?: unknown;
  reason: string;
}

/** The differences that are Samba's and not AD's, each with its reason (allowed-differences.yaml). */
export function loadAllowances(file = join(__dirname, 'allowed-differences.yaml')): Allowance[] {
  const list = parse(readFileSync(file, 'utf8')) as Allowance[] | null;
  for (const a of list ?? [])
    if (!(a.query || a.family) || !a.kind || !a.reason?.trim())
      throw new Error(
        `${file}: every allowance needs a query or a family, a kind and a reason: ${JSON.stringify(a)}`,
      );
  return list ?? [];
}

export function allows(a: Allowance, d: Difference): boolean {
  return (
    (a.query === undefined || a.query === d.query) &&
    (a.family === undefined || a.family === familyOf(d.query)) &&
    a.kind === d.kind &&
    (a.subject === undefined || a.subject === d.subject) &&
    (a.mock === undefined || JSON.stringify(a.mock) === JSON.stringify(d.mock))
  );
}
