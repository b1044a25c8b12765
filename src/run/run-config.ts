import { readFileSync } from 'node:fs';

/** What answers each forest's LDAP role: the mock DC, or Samba's AD DC (`--ldap samba`). */
export type DirectoryKind = 'mock' | 'samba';

/** What `lync-harness run` hands to every Cucumber worker (through LYNC_HARNESS_RUN, a JSON file). */
export interface RunConfig {
  runId: string;
  /** The run's output folder (reports/<run-id>). */
  outDir: string;
  /** Tenant LDIF files (`online=FILE` prefixes allowed); empty means the sample tenant. */
  tenantFiles: string[];
  sampleSize: number;
  /** GALSync flow file; the out-of-the-box flow when absent. */
  galsyncFlow?: string;
  mode: 'embedded' | 'containers';
  /** Which domain controllers play the forests (`--ldap`); the mock DCs when absent. */
  ldap?: DirectoryKind;
  /** Named settings (catalog `settings`), e.g. `{ oabProfile: 'exchange2013' }`. */
  settings: Record<string, string>;
  /** How many objects per tenant check the mocks are also asked about (`--wire-sample`); the model judges all. */
  wireSample: WireSample;
}

/** How many objects of each tenant check the mock services are also asked about (`--wire-sample`). */
export type WireSample = number | 'all';

export const RUN_CONFIG_ENV = 'LYNC_HARNESS_RUN';

const DEFAULT: RunConfig = {
  runId: 'dev',
  outDir: 'reports/dev',
  tenantFiles: [],
  sampleSize: 0,
  mode: 'embedded',
  settings: {},
  wireSample: 100,
};

/** The run's configuration; defaults when Cucumber was started by hand (npx cucumber-js). */
export function readRunConfig(): RunConfig {
  const file = process.env[RUN_CONFIG_ENV];
  if (!file) return DEFAULT;
  return { ...DEFAULT, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<RunConfig>) };
}
