/**
 * The benchmark's one LDAP client (ldapts), the same for slapd and the mock: closed-loop load on C
 * connections, one phase per query type and a mix, each `--d` seconds; the server's CPU per operation
 * from /proc/<pid>/stat and its peak RSS from /proc/<pid>/status. Loopback targets only.
 *   a (mail=<existing>)   b (msRTCSIP-PrimaryUserAddress=<existing>)
 *   c (|(displayName=P*)(givenName=P*)(sn=P*)(mail=p*)(sAMAccountName=p*)), sizeLimit 100
 *   d (&(objectClass=contact)(targetAddress=*)), paged 500, the first page
 * `--verify K` runs K queries of each type once and prints a hash of the answers per type instead.
 *
 * usage: node -r ./scripts/register-ts.js bench/ldap/load.ts --queries FILE
 *          (--target LABEL=ldap://127.0.0.1:P,PID ... [--out-dir DIR] | --url ldap://127.0.0.1:P [--server-pid PID])
 *          [--c 8] [--d 10] [--rounds 5] [--phases a,b,c,d,mix] [--warmup 2] [--verify K]
 * `--warmup S`: seconds of every query type per target before the phases (0: none).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, type Entry } from 'ldapts';
import { BIND_DN, BIND_PASSWORD } from './slapd';
import { BENCH_ATTRIBUTES as ATTRIBUTES, type BenchQueries, random } from './tenant';

export const QUERY_TYPES = ['a', 'b', 'c', 'd'] as const;
type QueryType = (typeof QUERY_TYPES)[number];

const ldapEscape = (value: string) =>
  value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

type Queries = Record<QueryType, (client: Client, i: number) => Promise<Entry[]>>;

function queries(q: BenchQueries): Queries {
  const base = q.baseDN;
  const search = async (client: Client, filter: string, sizeLimit = 0) =>
    (await client.search(base, { scope: 'sub', filter, attributes: ATTRIBUTES, sizeLimit })).searchEntries;
  return {
    a: (client, i) => search(client, `(mail=${ldapEscape(q.mails[i % q.mails.length])})`),
    b: (client, i) =>
      search(client, `(msRTCSIP-PrimaryUserAddress=${ldapEscape(q.sips[i % q.sips.length])})`),
    c: (client, i) => {
      const upper = ldapEscape(q.prefixes[i % q.prefixes.length]);
      const lower = upper.toLowerCase();
      const filter = `(|(displayName=${upper}*)(givenName=${upper}*)(sn=${upper}*)(mail=${lower}*)(sAMAccountName=${lower}*))`;
      return search(client, filter, 100);
    },
    d: async (client) => {
      const options = {
        scope: 'sub' as const,
        filter: '(&(objectClass=contact)(targetAddress=*))',
        attributes: ATTRIBUTES,
        paged: { pageSize: 500 },
      };
      for await (const page of client.searchPaginated(base, options)) return page.searchEntries;
      return [];
    },
  };
}

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime, 1/100 s
}

function peakRssMB(pid: number): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+)/m);
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

/** Operations completed in `seconds` by every client in a closed loop, and the errors met. */
async function slice(clients: Client[], run: Queries, types: QueryType[], seconds: number, seed: number) {
  let ops = 0;
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    clients.map(async (client, w) => {
      const rng = random(7919 * (w + 1) + types.length + seed);
      while (performance.now() < end) {
        try {
          await run[types[rng.int(types.length)]](client, rng.int(1 << 30));
          ops++;
        } catch (error) {
          if (++errors > 100) throw error;
        }
      }
    }),
  );
  return { ops, errors };
}

export interface Target {
  label: string;
  clients: Client[];
  pid: number;
}

/**
 * One phase on every target, in `rounds` slices that alternate between them (A B B A A B ...): on a
 * machine whose load changes during the run, each server sees the same mix of quiet and busy moments,
 * so their ratio holds even when the absolute figures do not.
 */
async function phase(targets: Target[], run: Queries, types: QueryType[], seconds: number, rounds: number) {
  const totals = targets.map(() => ({ ops: 0, errors: 0, elapsed: 0, cpu: 0, clientCpu: 0 }));
  for (let round = 0; round < rounds; round++) {
    const order = targets.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const { clients, pid } = targets[i];
      const ticks0 = pid ? cpuTicks(pid) : 0;
      const client0 = process.cpuUsage();
      const start = performance.now();
      const done = await slice(clients, run, types, seconds / rounds, round);
      totals[i].elapsed += (performance.now() - start) / 1000;
      totals[i].cpu += pid ? (cpuTicks(pid) - ticks0) / 100 : 0;
      const client = process.cpuUsage(client0);
      totals[i].clientCpu += (client.user + client.system) / 1e6;
      totals[i].ops += done.ops;
      totals[i].errors += done.errors;
    }
  }
  const share = (seconds: number, elapsed: number) => Math.round((100 * seconds) / elapsed) / 100;
  return totals.map(({ ops, errors, elapsed, cpu, clientCpu }) => ({
    opsPerSec: Math.round((10 * ops) / elapsed) / 10,
    serverCpuUsPerOp: ops && cpu ? Math.round((1e7 * cpu) / ops) / 10 : null,
    // Cores busy during the phase: a server or a client near 1.0 (one thread) is what bounds the row.
    serverCores: cpu ? share(cpu, elapsed) : null,
    clientCores: share(clientCpu, elapsed),
    clientCpuUsPerOp: ops ? Math.round((1e7 * clientCpu) / ops) / 10 : null,
    errors,
  }));
}

/** A hash per type over the answers of K queries (DN and attributes, case-folded names, sorted). */
async function verify(client: Client, run: Queries, k: number) {
  const types: Record<string, { entries: number; sha256: string }> = {};
  for (const type of QUERY_TYPES) {
    const hash = createHash('sha256');
    let entries = 0;
    for (let i = 0; i < (type === 'd' ? 1 : k); i++) {
      const answer = (await run[type](client, i)).map((entry) => {
        const attributes = Object.entries(entry)
          .filter(([name]) => name !== 'dn')
          .map(([name, v]) => [name.toLowerCase(), (Array.isArray(v) ? v : [v]).map(String).sort()])
          .sort((x, y) => (x[0] < y[0] ? -1 : 1));
        return JSON.stringify([entry.dn.toLowerCase(), attributes]);
      });
      entries += answer.length;
      hash.update(`${i}:${answer.sort().join('\n')}\n`);
    }
    types[type] = { entries, sha256: hash.digest('hex').slice(0, 16) };
  }
  return types;
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name: string, fallback?: string) =>
    args.includes(name) ? args[args.indexOf(name) + 1] : fallback;
  const run = queries(JSON.parse(readFileSync(arg('--queries') as string, 'utf8')));
  const k = Number(arg('--verify', '0'));
  if (k > 0) {
    const client = await connect(loopbackUrl(arg('--url') ?? ''));
    console.log(JSON.stringify({ types: await verify(client, run, k) }));
    return client.unbind();
  }
  // --target label=ldap://127.0.0.1:P,PID (repeatable); --url/--server-pid name a single target.
  const given = args.flatMap((a, i) => (a === '--target' ? [args[i + 1]] : []));
  const specs = given.length ? given : [`server=${arg('--url')},${arg('--server-pid', '0')}`];
  const connections = Number(arg('--c', '8'));
  const targets: Target[] = await Promise.all(
    specs.map(async (spec) => {
      const [, label, url, pid] = /^([^=]+)=([^,]+),(\d+)$/.exec(spec) ?? [];
      if (!label) throw new Error(`[bench:ldap] --target takes label=ldap://127.0.0.1:PORT,PID; got ${spec}`);
      const clients = await Promise.all(Array.from({ length: connections }, () => connect(loopbackUrl(url))));
      return { label, clients, pid: Number(pid) };
    }),
  );
  const seconds = Number(arg('--d', '10'));
  const rounds = Number(arg('--rounds', '5'));
  const warmup = Number(arg('--warmup', '2'));
  if (warmup > 0) await phase(targets, run, [...QUERY_TYPES], warmup * targets.length, targets.length);
  const results = targets.map(() => ({}) as Record<string, unknown>);
  for (const name of arg('--phases', 'a,b,c,d,mix')!.split(',')) {
    const types = name === 'mix' ? [...QUERY_TYPES] : QUERY_TYPES.filter((t) => t === name);
    if (types.length === 0) throw new Error(`[bench:ldap] --phases takes a, b, c, d, mix; got ${name}`);
    const measured = await phase(targets, run, types, seconds, rounds);
    measured.forEach((m, i) => {
      results[i][name] = m;
    });
  }
  const out = arg('--out-dir');
  for (const [i, { label, pid, clients }] of targets.entries()) {
    const report = JSON.stringify({ phases: results[i], peakRssMB: pid ? peakRssMB(pid) : null });
    if (out) writeFileSync(join(out, `${label}-load.json`), `${report}\n`);
    else console.log(report);
    await Promise.all(clients.map((client) => client.unbind().catch(() => undefined)));
  }
}

function loopbackUrl(text: string): URL {
  const url = new URL(text);
  if (url.protocol !== 'ldap:' || !/^(127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname))
    throw new Error(`[bench:ldap] loopback ldap:// URLs only, got ${text}`);
  return url;
}

async function connect(url: URL): Promise<Client> {
  const client = new Client({ url: url.href, timeout: 30_000, connectTimeout: 5_000 });
  await client.bind(BIND_DN, BIND_PASSWORD);
  return client;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
