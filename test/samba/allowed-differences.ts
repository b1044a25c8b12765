import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Difference } from './compare-answers';

export interface Allowance {
  query: string;
  kind: Difference['kind'];
  subject?: string;
  reason: string;
}

/** The differences that are Samba's and not AD's, each with its reason (allowed-differences.yaml). */
export function loadAllowances(file = join(__dirname, 'allowed-differences.yaml')): Allowance[] {
  const list = parse(readFileSync(file, 'utf8')) as Allowance[] | null;
  for (const a of list ?? [])
    if (!a.query || !a.kind || !a.reason?.trim())
      throw new Error(`${file}: every allowance needs query, kind and a reason: ${JSON.stringify(a)}`);
  return list ?? [];
}

export function allows(a: Allowance, d: Difference): boolean {
  return a.query === d.query && a.kind === d.kind && (a.subject === undefined || a.subject === d.subject);
}
