/**
 * The mock DC's own work per search, without sockets: bench:ldap's query types (a) mail=, (b) SIP=,
 * (c) prefix OR with sizeLimit 100, as ldapts encodes them, decoded and answered by the DomainController
 * (search, encoding, journal) in this process. The JavaScript part of the mock's CPU per operation,
 * which bench:ldap measures with the kernel's share (reads, writes, TCP) included. Run under
 * `node --cpu-prof` to see where it goes (the load of the tenant comes first in that profile).
 *
 * usage: node --expose-gc -r ./scripts/register-ts.js [--cpu-prof --cpu-prof-dir DIR] bench/ldap/request-path.ts [--n 100000]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { BindRequest, EqualityFilter, type Filter, OrFilter, SearchRequest, SubstringFilter } from 'ldapts';
import { FaultPlan, Journal, VirtualClock } from '../../mocks/admin';
import { Passwords } from '../../mocks/ldap/bind';
import { decodeMessage } from '../../mocks/ldap/decode-message';
import { DirectoryState } from '../../mocks/ldap/directory-state';
import type { Connection } from '../../mocks/ldap/listener';
import { DomainController } from '../../mocks/ldap/server';
import { BIND_DN, BIND_PASSWORD } from './slapd';
import { BENCH_ATTRIBUTES, type BenchQueries, writeBenchTenant } from './tenant';

const QUERIES: Record<
  string,
  { count: number; filter(q: BenchQueries, i: number): Filter; sizeLimit?: number }
> = {
  'a mail=': {
    count: 60_000,
    filter: (q, i) => new EqualityFilter({ attribute: 'mail', value: q.mails[i % q.mails.length] }),
  },
  'b SIP=': {
    count: 60_000,
    filter: (q, i) =>
      new EqualityFilter({ attribute: 'msRTCSIP-PrimaryUserAddress', value: q.sips[i % q.sips.length] }),
  },
  'c prefix OR': {
    count: 3_000,
    sizeLimit: 100,
    filter: (q, i) => {
      const upper = q.prefixes[i % q.prefixes.length];
      const lower = upper.toLowerCase();
      const prefix = (attribute: string, initial: string) => new SubstringFilter({ attribute, initial });
      return new OrFilter({
        filters: [
          prefix('displayName', upper),
          prefix('givenName', upper),
          prefix('sn', upper),
          prefix('mail', lower),
          prefix('sAMAccountName', lower),
        ],
      });
    },
  },
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const n = Number(args.includes('--n') ? args[args.indexOf('--n') + 1] : 100_000);
  const dir = join(tmpdir(), 'lync-harness-bench-ldap');
  mkdirSync(dir, { recursive: true });
  const ldif = join(dir, `request-path-${n}.ldif`);
  const queries = existsSync(`${ldif}.json`)
    ? (JSON.parse(readFileSync(`${ldif}.json`, 'utf8')) as BenchQueries)
    : await writeTenant(n, ldif);
  const clock = new VirtualClock();
  const state = new DirectoryState(clock);
  const account = `dn: ${BIND_DN}\nobjectClass: top\nobjectClass: person\nobjectClass: user\ncn: admin\n`;
  state.load(`${readFileSync(ldif, 'utf8').trimEnd()}\n\n${account}`);
  // The load's garbage is collected first when node runs with --expose-gc (else it lands in query a's GC).
  (globalThis as { gc?: () => void }).gc?.();
  const passwords = new Passwords();
  passwords.set({ accounts: { [BIND_DN]: BIND_PASSWORD } });
  const dc = new DomainController({
    state,
    passwords,
    journal: new Journal('ldap', () => clock.now()),
    faults: new FaultPlan(),
    clock,
  });
  let answered = 0;
  const conn: Connection = { id: 'bench', write: () => answered++, destroy: () => undefined };
  dc.handle(
    conn,
    decodeMessage(new BindRequest({ messageId: 1, dn: BIND_DN, password: BIND_PASSWORD }).write()),
  );
  console.log(`request-path: the mock DC's JavaScript per search (decode, answer, journal), ${n} objects`);
  for (const [name, query] of Object.entries(QUERIES)) {
    const frames = Array.from({ length: 1000 }, (_, i) =>
      new SearchRequest({
        messageId: i + 2,
        baseDN: queries.baseDN,
        scope: 'sub',
        filter: query.filter(queries, i),
        attributes: BENCH_ATTRIBUTES,
        sizeLimit: query.sizeLimit ?? 0,
      }).write(),
    );
    const run = (count: number) => {
      for (let i = 0; i < count; i++) dc.handle(conn, decodeMessage(frames[i % frames.length]));
    };
    run(query.count / 4);
    const gc = gcTime();
    const before = process.cpuUsage();
    run(query.count);
    const used = process.cpuUsage(before);
    const gcUs = (await gc.stop()) * 1000;
    const per = (us: number) => (us / query.count).toFixed(1).padStart(8);
    console.log(`${name.padEnd(14)}${per(used.user + used.system)} us, of which GC pauses${per(gcUs)} us`);
  }
  if (answered === 0) throw new Error('request-path: the DC wrote no answer');
}

/** Milliseconds the main thread spent in GC pauses from now until stop(). */
function gcTime(): { stop(): Promise<number> } {
  let ms = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) ms += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    // Entries are delivered asynchronously: let them arrive before reading the sum.
    stop: () =>
      new Promise((resolve) =>
        setImmediate(() => {
          for (const entry of observer.takeRecords()) ms += entry.duration;
          observer.disconnect();
          resolve(ms);
        }),
      ),
  };
}

async function writeTenant(n: number, ldif: string): Promise<BenchQueries> {
  const queries = await writeBenchTenant(n, ldif);
  writeFileSync(`${ldif}.json`, JSON.stringify(queries));
  return queries;
}

main().catch((error) => {
  console.error(`request-path: ${error.stack ?? error}`);
  process.exitCode = 1;
});
