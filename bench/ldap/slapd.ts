/**
 * OpenLDAP slapd for the benchmark, set up from nothing: its own slapd.conf (back_mdb, the schema of
 * bench/ldap/ad.schema, indexes for the load's filters), `slapadd` of the tenant, slapd on loopback
 * only, stopped by its pid. slapd and ldap-utils come from apt-get (scripts/system-tools.js).
 *
 * Besides the tenant, slapd holds a referral object for the Configuration partition: a subtree search
 * at the domain's head then answers the SearchResultReference AD (and the mock DC) sends with every
 * such search, so both servers send, and the client reads, the same messages.
 *
 * usage: node -r ./scripts/register-ts.js bench/ldap/slapd.ts start LDIF PORT WORKDIR   (prints JSON)
 *        node -r ./scripts/register-ts.js bench/ldap/slapd.ts stop WORKDIR
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE_DN } from './tenant';

export const BIND_DN = `CN=admin,${BASE_DN}`;
export const BIND_PASSWORD = 'bench-secret';
const SCHEMA = join(__dirname, 'ad.schema');

function config(workdir: string): string {
  return `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include ${SCHEMA}
pidfile ${workdir}/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
loglevel 0
threads 8
sizelimit unlimited
timelimit unlimited
database mdb
maxsize 17179869184
suffix "${BASE_DN}"
rootdn "${BIND_DN}"
rootpw ${BIND_PASSWORD}
directory ${workdir}/db
index objectClass eq
index mail,displayName,givenName,sn,sAMAccountName eq,sub
index msRTCSIP-PrimaryUserAddress,proxyAddresses,mailNickname,cn eq
index targetAddress eq,pres
`;
}

/** What the mock DC refers subtree searches at the head to (mocks/ldap/partition-references.ts). */
const CONFIGURATION_REFERRAL = `dn: CN=Configuration,${BASE_DN}
objectClass: referral
objectClass: extensibleObject
cn: Configuration
ref: ldap://abc.corp/CN=Configuration,${BASE_DN}
`;

/** A pinning prefix: slapd on the CPUs in SLAPD_CPUS (taskset), as the mock is. */
function pinned(command: string, args: string[]): [string, string[]] {
  const cpus = process.env.SLAPD_CPUS;
  return cpus ? ['taskset', ['-c', cpus, command, ...args]] : [command, args];
}

export function startSlapd(ldif: string, port: number, workdir: string) {
  const install = spawnSync(
    process.execPath,
    [join(__dirname, '../../scripts/system-tools.js'), 'slapd', 'ldap-utils'],
    {
      stdio: 'inherit',
    },
  );
  if (install.status !== 0) throw new Error('[bench:ldap] slapd and ldap-utils are needed (see above)');
  rmSync(workdir, { recursive: true, force: true });
  mkdirSync(join(workdir, 'db'), { recursive: true });
  const conf = join(workdir, 'slapd.conf');
  writeFileSync(conf, config(workdir));
  const t0 = Date.now();
  const referral = join(workdir, 'configuration-referral.ldif');
  writeFileSync(referral, CONFIGURATION_REFERRAL);
  for (const file of [ldif, referral])
    execFileSync(...pinned('/usr/sbin/slapadd', ['-q', '-f', conf, '-l', file]), {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const t1 = Date.now();
  execFileSync(...pinned('/usr/sbin/slapd', ['-f', conf, '-h', `ldap://127.0.0.1:${port}/`, '-s', '0']), {
    stdio: 'inherit',
  });
  for (let i = 0; i < 400; i++) {
    const probe = spawnSync(
      'ldapsearch',
      [
        '-x',
        '-LLL',
        '-H',
        `ldap://127.0.0.1:${port}/`,
        '-D',
        BIND_DN,
        '-w',
        BIND_PASSWORD,
        '-b',
        BASE_DN,
        '-s',
        'base',
        'dn',
      ],
      { stdio: 'ignore' },
    );
    if (probe.status === 0) {
      const pid = Number(readFileSync(join(workdir, 'slapd.pid'), 'utf8'));
      return { pid, port, slapaddMs: t1 - t0, startMs: Date.now() - t1 };
    }
    execFileSync('sleep', ['0.05']);
  }
  throw new Error(`[bench:ldap] slapd did not answer on 127.0.0.1:${port}`);
}

/** Stops the slapd this workdir started (its pid file), waiting for it to exit. */
export function stopSlapd(workdir: string): void {
  const pidFile = join(workdir, 'slapd.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    execFileSync('sleep', ['0.1']);
  }
  process.kill(pid, 'SIGKILL');
}

if (require.main === module) {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'start' && args.length === 3)
    console.log(JSON.stringify(startSlapd(args[0], Number(args[1]), args[2])));
  else if (command === 'stop' && args.length === 1) stopSlapd(args[0]);
  else {
    console.error('usage: slapd.ts start LDIF PORT WORKDIR | stop WORKDIR');
    process.exit(2);
  }
}
