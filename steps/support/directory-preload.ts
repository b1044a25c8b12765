import { BeforeAll } from '@cucumber/cucumber';
import { runtime } from './runtime';

/** How long loading a big tenant into Samba may take (10,000 objects: minutes on 2 busy cores). */
const SAMBA_LOAD_TIMEOUT_MS = 60 * 60_000;

/**
 * `--ldap samba`: each forest's Samba DC (and the mock DC beside it) is started and loaded before the first scenario, not in the
 * first step that reads it, since loading a real DC over LDAP takes longer than a step may for any
 * tenant past a few thousand objects. The mock DCs load in seconds and stay lazy.
 */
BeforeAll({ timeout: SAMBA_LOAD_TIMEOUT_MS }, async () => {
  const { config, env } = runtime();
  if (config.ldap !== 'samba') return;
  const environment = env();
  const loads = [...new Set([environment.fixtures, environment.tenant])].flatMap((space) =>
    (['onpremises', 'online'] as const)
      .filter((role) => space.hasForest(role))
      .map((role) => space.directories(role)),
  );
  await Promise.all(loads);
});
