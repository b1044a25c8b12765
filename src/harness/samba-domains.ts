import { domainTemplate } from '../../mocks/samba/domain-template';
import { requireSamba } from '../../mocks/samba/samba-binaries';
import { fixtureTenant } from './fixtures';

/**
 * `--ldap samba`, before any scenario: Samba's packages are checked (a missing one is one clear line)
 * and every forest's domain template is provisioned now, once, since a first provisioning takes tens
 * of seconds (longer than a step may) and is cached for later runs. Returns the problem, if any.
 */
export async function prepareSambaDomains(
  tenantDomains: string[],
  log: (line: string) => void,
): Promise<string | undefined> {
  try {
    requireSamba();
  } catch (error) {
    return (error as Error).message;
  }
  const domains = new Set([...tenantDomains, ...fixtureTenant().forests.map((f) => f.domain)]);
  for (const domain of [...domains].map((d) => d.toLowerCase()).sort()) {
    const template = await domainTemplate(domain);
    if (template.provisionSeconds)
      log(
        `[samba] ${domain}: domain provisioned in ${template.provisionSeconds.toFixed(1)} s (cached for later runs)`,
      );
  }
  return undefined;
}
