import { parseArgs } from 'node:util';
import type { WireSample } from '../run/run-config';
import { BIND_PASSWORD_ENV, parseLiveTenant, saveTenantMismatch } from './live-tenant';
import { UsageError } from './usage-error';

/** The default of --wire-sample: enough to meet every kind of object of a generated tenant, cheap at any size. */
export const DEFAULT_WIRE_SAMPLE = 100;

export interface RunOptions {
  tenantFiles: string[];
  /** The accounts live `--tenant ldap://...` sources bind as: one for all, or one per source in order. */
  bindDn: string[];
  /** Where to copy each live tenant's snapshot, one per live `--tenant`, in order. */
  saveTenant: string[];
  sampleSize: number;
  galsyncFlow?: string;
  tags?: string;
  outRoot: string;
  out?: string;
  mode: 'embedded' | 'containers';
  /** Which domain controllers play the forests: the mock DCs, or Samba's AD DC (local processes). */
  ldap: 'mock' | 'samba';
  settings: Record<string, string>;
  failOnFindings: boolean;
  parallel: number;
  /** How many objects per tenant check the mock services are also asked about; the model judges every one. */
  wireSample: WireSample;
  quiet: boolean;
  baseline?: string;
  /** Rule ID → the reason a change board accepted it not passing (--waive, --waivers). */
  waivers: Record<string, string>;
  waiversFile?: string;
  help: boolean;
}

export const RUN_HELP = `Usage: lync-harness run [options]

Runs every rule scenario against the mock services seeded with your directory data, and writes
reports/<run-id>/ (report.html, report.md, junit.xml, messages.ndjson, findings.json, manifest.json).

Options:
  --tenant FILE         an LDIF export of one forest (repeat for the second forest). The first file is
                        the on-premises forest, the second the Lync Online (DirSync) forest; prefix
                        online=FILE or onpremises=FILE to say so. Default: the bundled sample tenant.
  --tenant ldap://HOST[:PORT][/BASE-DN]
                        read a live directory instead (ldaps:// for TLS; online=/onpremises= as for
                        files), once, before any scenario: only binds and searches, every object under
                        the base DN (default: the rootDSE's defaultNamingContext, else its first
                        namingContexts), kept in the run as tenant/live-N.ldif
  --bind-dn DN          the account a live --tenant binds as (AD also takes user@domain or
                        DOMAIN\\user): once for every live source, or once per live source in the
                        same order (two forests, two accounts). The password comes from
                        ${BIND_PASSWORD_ENV} (the second account's from ${BIND_PASSWORD_ENV}_2) or,
                        on a terminal, a prompt that does not echo, never from the command line.
                        Without --bind-dn the read is anonymous (OpenLDAP allows that; AD does not)
  --save-tenant FILE    also copy a live --tenant's snapshot to FILE (e.g. abc.ldif) to repeat the run
                        offline with --tenant FILE (one per live --tenant, in the same order)
  --sample-size N       add N generated objects to the sample tenant (e.g. 100000)
  --galsync FILE        GALSync attribute-flow file (JSON or YAML); default: the out-of-the-box flow
  --setting NAME=VALUE  a catalog setting, e.g. oabProfile=exchange2013, edgeOs=windows2012 (repeatable)
  --tags EXPR           only scenarios matching a Cucumber tag expression, e.g. "@GAL-05 or @SRCH-03"
  --services MODE       embedded (default: mocks in-process) or containers (Docker)
  --ldap KIND           mock (default: the mock domain controllers) or samba: each forest's directory
                        is a Samba AD DC provisioned on a loopback address of its own (embedded mode,
                        as root, with the samba, samba-ad-dc and samba-ad-provision packages)
  --out DIR             write the run into DIR instead of reports/<run-id>
  --baseline DIR        compare with an approved earlier run: rules whose status changed, objects whose
                        findings changed, GALSync flow changes (shown in the report, also regression.csv)
  --waive ID=REASON     report rule ID as waived, with the reason, when it does not pass (repeatable;
                        the report shows the underlying status; the exit status is unchanged)
  --waivers FILE        waivers from a YAML or JSON file: { GAL-02: "reason", ... }
  --fail-on-findings    exit 1 when a tenant object has a blocking finding (for CI gates)
  --wire-sample N|all   how many objects of each tenant check the mock services are also asked about,
                        spread over the tenant (default ${DEFAULT_WIRE_SAMPLE}); the model judges every object
  --parallel N          Cucumber workers (default 0: one process)
  --quiet               print only the summary (a terminal otherwise shows rules done out of total)
  --help                this text

Exit status: 0 every rule scenario passed; 1 a rule scenario failed (or blocking findings with
--fail-on-findings); 2 bad input (malformed LDIF names file:line) or usage; 130 interrupted (Ctrl-C),
after writing the report marked incomplete. The last line printed is the report's path.`;

export function parseRunOptions(args: string[]): RunOptions {
  refusePasswordArgument(args);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const sampleSize = Number(v['sample-size'] ?? 0);
  if (!Number.isInteger(sampleSize) || sampleSize < 0)
    throw new UsageError(`--sample-size must be a whole number, got ${v['sample-size']}`);
  const parallel = Number(v.parallel ?? 0);
  if (!Number.isInteger(parallel) || parallel < 0)
    throw new UsageError(`--parallel must be a whole number, got ${v.parallel}`);
  const wireSample = parseWireSample(v['wire-sample']);
  const mode = (v.services ?? 'embedded') as RunOptions['mode'];
  if (mode !== 'embedded' && mode !== 'containers')
    throw new UsageError(`--services must be embedded or containers, got ${mode}`);
  const ldap = (v.ldap ?? 'mock') as RunOptions['ldap'];
  if (ldap !== 'mock' && ldap !== 'samba') throw new UsageError(`--ldap must be mock or samba, got ${ldap}`);
  const settings: Record<string, string> = {};
  for (const pair of (v.setting as string[] | undefined) ?? []) {
    const match = /^([A-Za-z][\w-]*)=(.*)$/.exec(pair);
    if (!match) throw new UsageError(`--setting takes NAME=VALUE, got "${pair}"`);
    settings[match[1]] = match[2];
  }
  const waivers: Record<string, string> = {};
  for (const pair of (v.waive as string[] | undefined) ?? []) {
    const match = /^([A-Z]+-\d+)=(.+)$/s.exec(pair);
    if (!match) throw new UsageError(`--waive takes RULE-ID=REASON, got "${pair}"`);
    waivers[match[1]] = match[2].trim();
  }
  const tenantFiles = (v.tenant as string[] | undefined) ?? [];
  const { bindDn, saveTenant } = liveOptions(tenantFiles, v['bind-dn'], v['save-tenant']);
  return {
    waivers,
    waiversFile: v.waivers as string | undefined,
    tenantFiles,
    bindDn,
    saveTenant,
    sampleSize,
    galsyncFlow: v.galsync as string | undefined,
    tags: v.tags as string | undefined,
    outRoot: 'reports',
    out: v.out as string | undefined,
    mode,
    ldap,
    settings,
    failOnFindings: Boolean(v['fail-on-findings']),
    parallel,
    wireSample,
    quiet: Boolean(v.quiet),
    baseline: v.baseline as string | undefined,
    help: Boolean(v.help),
  };
}

function parseWireSample(given: string | undefined): RunOptions['wireSample'] {
  if (given === undefined) return DEFAULT_WIRE_SAMPLE;
  if (given === 'all') return 'all';
  const n = Number(given);
  if (!/^\d+$/.test(given) || n < 1)
    throw new UsageError(
      `--wire-sample takes a whole number of objects (1 or more) or "all", got "${given}"`,
    );
  return n;
}

/** The bind password is never an argument: other users of the machine can read a process's arguments. */
function refusePasswordArgument(args: string[]): void {
  const given = args.find((a) => /^--?(bind-?)?pass(word|wd)?(=|$)|^-w/i.test(a));
  if (given)
    throw new UsageError(
      `${given.split('=')[0]}: the bind password is never taken from the command line; set ${BIND_PASSWORD_ENV}, or run on a terminal and type it at the prompt`,
    );
}

/** --bind-dn and --save-tenant apply to live --tenant sources only, and --save-tenant once per source. */
function liveOptions(tenants: string[], bindDns: unknown, saves: unknown) {
  const live = tenants.filter((t) => parseLiveTenant(t)).length;
  const saveTenant = (saves as string[] | undefined) ?? [];
  const bindDn = (bindDns as string[] | undefined) ?? [];
  if (saveTenant.length && saveTenant.length !== live)
    throw new UsageError(saveTenantMismatch(saveTenant.length, live));
  if (bindDn.length && live === 0)
    throw new UsageError(
      '--bind-dn is for a live --tenant ldap://HOST or ldaps://HOST; no --tenant names one',
    );
  if (bindDn.length > 1 && bindDn.length !== live)
    throw new UsageError(
      `--bind-dn was given ${bindDn.length} times for ${live} live --tenant source(s): give it once for all, or once per source in the same order`,
    );
  return { bindDn, saveTenant };
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: false,
    options: {
      tenant: { type: 'string', multiple: true },
      'bind-dn': { type: 'string', multiple: true },
      'save-tenant': { type: 'string', multiple: true },
      'sample-size': { type: 'string' },
      galsync: { type: 'string' },
      setting: { type: 'string', multiple: true },
      tags: { type: 'string' },
      services: { type: 'string' },
      ldap: { type: 'string' },
      out: { type: 'string' },
      baseline: { type: 'string' },
      waive: { type: 'string', multiple: true },
      waivers: { type: 'string' },
      'fail-on-findings': { type: 'boolean' },
      parallel: { type: 'string' },
      'wire-sample': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
