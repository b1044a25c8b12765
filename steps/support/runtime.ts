import { type RunConfig, readRunConfig } from '../../src/harness/run-config';
import { ServiceSet } from '../../src/harness/service-set';
import { loadTenant } from '../../src/tenant/load';
import type { Tenant } from '../../src/tenant/tenant';

/** What one Cucumber worker process shares across its scenarios: config, tenant (loaded once), services. */
interface Runtime {
  config: RunConfig;
  services: ServiceSet;
  tenant(): Tenant;
}

let current: Runtime | undefined;

export function runtime(): Runtime {
  if (!current) {
    const config = readRunConfig();
    let tenant: Tenant | undefined;
    current = {
      config,
      services: new ServiceSet(config.mode),
      tenant: () => {
        tenant ??= loadTenant({ files: config.tenantFiles, sampleSize: config.sampleSize });
        return tenant;
      },
    };
  }
  return current;
}
