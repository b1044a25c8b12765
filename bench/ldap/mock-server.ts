/**
 * The mock DC as a stand-alone process for the benchmark: listens on 127.0.0.1:<port>, loads the LDIF
 * through its own admin API (timed: that is the load time compared with slapadd), and prints one JSON
 * line `{"event":"listening",...}`. The benchmark's bind account (slapd's rootdn there) is added as a
 * plain user, CN=admin,DC=abc,DC=corp / bench-secret. Stops on SIGTERM/SIGINT.
 *
 * With `--cpu-prof FILE` it profiles the serving (not the load) and writes FILE (a .cpuprofile for
 * Chrome DevTools, or `node bench/ldap/profile-split.mjs FILE`) when it stops; SIGUSR2 starts the
 * profile afresh (what a warm-up ran is left out).
 *
 * usage: node -r ./scripts/register-ts.js bench/ldap/mock-server.ts --ldif FILE --port 38390 [--cpu-prof FILE]
 */
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { StringDecoder } from 'node:string_decoder';
import { startLdapMock } from '../../mocks/ldap';
import { AdminClient } from '../../src/harness/admin-client';
import { DirectoryAdmin } from '../../src/harness/service-admin';

const BIND_ACCOUNT =
  'dn: CN=admin,DC=abc,DC=corp\nobjectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: user\ncn: admin\n';

/**
 * The tenant's LDIF read a megabyte at a time, then the bind account, as the harness sends a forest:
 * neither side holds the document whole, so the peak measured is the DC's own.
 */
function* withBindAccount(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  const decoder = new StringDecoder('utf8');
  // White space at the end is held back: the account follows the last record after one blank line.
  let held = '';
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      const text = held + decoder.write(buffer.subarray(0, n));
      const kept = text.trimEnd();
      held = text.slice(kept.length);
      yield kept;
    }
  } finally {
    closeSync(fd);
  }
  yield `\n\n${BIND_ACCOUNT}`;
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const t0 = performance.now();
  const mock = await startLdapMock({ service: 'ldap-bench', port: Number(arg('--port') ?? 38390) });
  const t1 = performance.now();
  const admin = new AdminClient(mock.urls.admin);
  const loaded = await admin.loadData(withBindAccount(arg('--ldif') ?? ''), 'text/ldif');
  await new DirectoryAdmin(admin).setPasswords({ accounts: { 'CN=admin,DC=abc,DC=corp': 'bench-secret' } });
  const loadMs = Math.round(performance.now() - t1);
  // The load's garbage is collected before serving (run.sh gives --expose-gc): slapd serves from a
  // fresh process, and a full collection of a load's leftovers inside a measured phase is not serving.
  const t2 = performance.now();
  (globalThis as { gc?: () => void }).gc?.();
  const gcMs = Math.round(performance.now() - t2);
  const rssMB = +(process.memoryUsage().rss / 1048576).toFixed(1);
  console.log(
    JSON.stringify({
      event: 'listening',
      pid: process.pid,
      url: mock.urls.ldap,
      loadMs,
      gcMs,
      readyMs: Math.round(performance.now() - t0),
      rssMB,
      ...(loaded as object),
    }),
  );
  const profile = arg('--cpu-prof');
  const profiler = profile ? await startProfiler() : undefined;
  if (profiler) process.on('SIGUSR2', () => void profiler.restart());
  const stop = async () => {
    if (profile && profiler) writeFileSync(profile, JSON.stringify(await profiler.stop()));
    await mock.stop();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Starts the V8 sampling profiler (every 200 µs); stop() ends it and gives the profile. */
async function startProfiler(): Promise<{ restart(): Promise<void>; stop(): Promise<object> }> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<{ profile?: object }>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result ?? {}))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return {
    restart: async () => {
      await post('Profiler.stop');
      await post('Profiler.start');
    },
    stop: async () => (await post('Profiler.stop')).profile ?? {},
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
