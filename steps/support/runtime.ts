import { type Environment, startEnvironment } from '../../src/harness/environment';
import { fixtureTenant } from '../../src/harness/fixtures';
import { type RunConfig, readRunConfig } from '../../src/run/run-config';
import { loadTenant } from '../../src/tenant/load';

/** What one Cucumber worker process shares across its scenarios: the run's config and its environment. */
interface Runtime {
  config: RunConfig;
  env(): Environment;
}

let current: Runtime | undefined;
let started: Environment | undefined;

export function runtime(): Runtime {
  if (!current) {
    const config = readRunConfig();
    let env: Environment | undefined;
    current = {
      config,
      env: () => {
        env ??= environmentFor(config);
        started = env;
        return env;
      },
    };
  }
  return current;
}

/**
 * After the last scenario: the environment's services stop (if any started), and the worker lets go
 * of the tenant and everything judged from it, so the report written in this process next has the memory.
 */
export async function endRuntime(): Promise<void> {
  const environment = started;
  current = undefined;
  started = undefined;
  await environment?.stop();
}

/** The user's tenant feeds the tenant checks; the rule examples run on the fixtures, which the bare sample is. */
function environmentFor(config: RunConfig): Environment {
  const tenant = loadTenant({ files: config.tenantFiles, sampleSize: config.sampleSize });
  const isBareSample = config.tenantFiles.length === 0 && config.sampleSize === 0;
  return startEnvironment({
    mode: config.mode,
    tenant,
    fixtures: isBareSample ? tenant : fixtureTenant(),
    ldap: config.ldap,
  });
}
