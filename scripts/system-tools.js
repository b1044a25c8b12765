// The Debian tools the tests use as real clients and peers of the mocks. `npm test` runs this first:
// when one is missing it installs it with apt-get (as root), or stops naming the packages and the
// command that installs them. Nothing is installed when everything is there. `node scripts/system-tools.js
// slapd ldap-utils` checks only the packages named (a benchmark needs fewer than the tests).
const { execFileSync, spawnSync } = require('node:child_process');
const { existsSync, rmSync, writeFileSync } = require('node:fs');

/** Package -> a file that shows it is installed (dpkg may be absent on a non-Debian machine). */
const PACKAGES = {
  'ldap-utils': '/usr/bin/ldapsearch',
  slapd: '/usr/sbin/slapd',
  openssl: '/usr/bin/openssl',
  curl: '/usr/bin/curl',
  gcc: '/usr/bin/gcc',
  'libmspack-dev': '/usr/include/mspack.h',
  chromium: '/usr/bin/chromium',
  // xmllint validates the Autodiscover answer against our XSD (a schema-aware reader, not the mock's).
  'libxml2-utils': '/usr/bin/xmllint',
  // Samba's AD domain controller, the third witness beside the mock DCs (`--ldap samba`).
  samba: '/usr/sbin/samba',
  'samba-ad-dc': '/usr/share/doc/samba-ad-dc',
  'samba-ad-provision': '/usr/share/samba/setup/provision.ldif',
  'samba-dsdb-modules': '/usr/share/doc/samba-dsdb-modules',
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((pkg) => !(pkg in PACKAGES));
if (unknown.length > 0) {
  console.error(
    `[system-tools] unknown package ${unknown.join(', ')}; known: ${Object.keys(PACKAGES).join(', ')}`,
  );
  process.exit(2);
}
const missing = (wanted.length ? wanted : Object.keys(PACKAGES)).filter((pkg) => !existsSync(PACKAGES[pkg]));
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(
    `[system-tools] the tests need these Debian packages, which are not installed: ${missing.join(', ')}\n` +
      `  install them with: sudo sh -c '${command}'`,
  );
  process.exit(1);
}

console.error(
  `[system-tools] installing ${missing.join(', ')} with apt-get (the tests use them as real clients)`,
);
// Packages with a daemon (slapd) must not start it: the tests start their own, on loopback only.
const policy = '/usr/sbin/policy-rc.d';
const ownPolicy = !existsSync(policy);
if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env };
  execFileSync('apt-get', ['update', '-qq'], quiet);
  const install = spawnSync(
    'apt-get',
    ['install', '-y', '-qq', '--no-install-recommends', ...missing],
    quiet,
  );
  if (install.status !== 0) {
    console.error(`[system-tools] apt-get could not install ${missing.join(', ')}; try: ${command}`);
    process.exit(1);
  }
} finally {
  if (ownPolicy) rmSync(policy, { force: true });
}
