import { pagedSearch, withLdap } from '../../src/clients/ldap/ldap-client';
import { dnKey } from '../../src/tenant/dn';
import type { DirectoryEntry } from '../../src/tenant/entry';
import type { ForestRole } from '../../src/tenant/tenant';
import type { Finding } from '../support/findings';
import type { HarnessWorld } from '../support/world';

export interface Outcome {
  outcome: 'holds' | 'finding' | 'skip';
  severity?: Finding['severity'];
  message: string;
}

export interface TenantCheck {
  rule: string;
  /** The forests the rule concerns (default: both). */
  roles?: ForestRole[];
  /** The LDAP filter that selects the objects the rule concerns (read from each forest's mock DC). */
  ldapFilter: string;
  /** The attributes the rule reads (objectClass is always read). */
  attributes: string[];
  /** The same selection on the loaded tenant (the model's side). */
  select(entry: DirectoryEntry): boolean;
  classify(entry: DirectoryEntry): Outcome;
}

/**
 * Runs a rule over every object of the loaded tenant twice: on the tenant data (the model) and on what
 * each forest's mock DC returns over LDAP. Records a finding per object and fails on any disagreement.
 */
export async function checkTenant(world: HarnessWorld, check: TenantCheck): Promise<Finding[]> {
  const findings: Finding[] = [];
  const disagreements: string[] = [];
  let ldapObjects = 0;
  for (const forest of world.tenant.forests.filter((f) => !check.roles || check.roles.includes(f.role))) {
    const dc = await world.tenantSpace.directory(forest.role);
    const observed = await withLdap(dc.admin, (c) =>
      pagedSearch(c, forest.baseDn, check.ldapFilter, ['objectClass', ...check.attributes]),
    );
    const byDn = new Map(observed.map((e) => [dnKey(e.dn), e]));
    ldapObjects += observed.length;
    for (const entry of forest.entries.filter((e) => check.select(e))) {
      const model = check.classify(entry);
      const seen = byDn.get(dnKey(entry.dn));
      const wire = seen ? check.classify(seen) : undefined;
      if (!wire || wire.outcome !== model.outcome)
        disagreements.push(`${entry.dn}: model ${model.outcome}, ldap ${wire?.outcome ?? 'not returned'}`);
      if (model.outcome === 'skip') continue;
      findings.push({
        rule: check.rule,
        dn: entry.dn,
        forest: forest.domain,
        outcome: model.outcome,
        ...(model.outcome === 'finding' ? { severity: model.severity ?? 'blocking' } : {}),
        message: model.message,
        witnesses: wire?.outcome === model.outcome ? ['model', 'ldap'] : ['model'],
      });
    }
  }
  await world.verifyNoDisagreements(
    check.rule,
    'the mock directory returns every object of the tenant with the same outcome as the tenant data',
    'ldap',
    disagreements,
    { objectsReturned: ldapObjects },
  );
  return findings;
}
