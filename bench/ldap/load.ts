/**
 * The benchmark's one LDAP client (ldapts), the same for slapd and the mock: closed-loop load on C
 * connections, one phase per query type and a mix, each `--d` seconds; the server's CPU per operation
 * from /proc/<pid>/stat and its peak RSS from /proc/<pid>/status. Loopback targets only.
 *   a (mail=<existing>)   b (msRTCSIP-PrimaryUserAddress=<existing>)
 *   c (|(displayName=P*)(givenName=P*)(sn=P*)(mail=p*)(sAMAccountName=p*)), sizeLimit 100
 *   d (&(objectClass=contact)(targetAddress=*)), paged 500, the first page
 * `--verify K` runs K queries of each type once and prints a hash of the answers per type instead.
 *
 * usage: node -r ./scripts/register-ts.js bench/ldap/load.ts --url ldap://127.0.0.1:P --queries FILE
 *          [--c 8] [--d 10] [--phases a,b,c,d,mix] [--server-pid PID] [--verify K]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, type Entry } from 'ldapts';
import { BIND_DN, BIND_PASSWORD } from './slapd';
import { type BenchQueries, random } from './tenant';

const ATTRIBUTES = [
  'objectClass',
  'cn',
  'displayName',
  'givenName',
  'sn',
  'mail',
  'sAMAccountName',
  'proxyAddresses',
  'msRTCSIP-PrimaryUserAddress',
  'mailNickname',
  'targetAddress',
];
export const QUERY_TYPES = ['a', 'b', 'c', 'd'] as const;
type QueryType = (typeof QUERY_TYPES)[number];

const ldapEscape = (value: string) =>
  value.replace(/[\\*()\0]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

function queries(q: BenchQueries): Record<QueryType, (client: Client, i: number) => Promise<Entry[]>> {
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

async function phase(
  clients: Client[],
  run: ReturnType<typeof queries>,
  types: QueryType[],
  seconds: number,
  pid: number,
) {
  let ops = 0;
  let errors = 0;
  const ticks0 = pid ? cpuTicks(pid) : 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    clients.map(async (client, w) => {
      const rng = random(7919 * (w + 1) + types.length);
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
  const elapsed = (performance.now() - start) / 1000;
  const serverCpu = pid ? (cpuTicks(pid) - ticks0) / 100 : 0;
  return {
    opsPerSec: Math.round((10 * ops) / elapsed) / 10,
    serverCpuUsPerOp: ops ? Math.round((1e7 * serverCpu) / ops) / 10 : null,
    errors,
  };
}

/** A hash per type over the answers of K queries (DN and attributes, case-folded names, sorted). */
async function verify(client: Client, run: ReturnType<typeof queries>, k: number) {
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
  const url = new URL(arg('--url') ?? '');
  if (url.protocol !== 'ldap:' || !/^(127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname))
    throw new Error(`[bench:ldap] loopback ldap:// URLs only, got ${url}`);
  const run = queries(JSON.parse(readFileSync(arg('--queries') as string, 'utf8')));
  const connect = async () => {
    const client = new Client({ url: url.href, timeout: 30_000, connectTimeout: 5_000 });
    await client.bind(BIND_DN, BIND_PASSWORD);
    return client;
  };
  const k = Number(arg('--verify', '0'));
  if (k > 0) {
    const client = await connect();
    console.log(JSON.stringify({ types: await verify(client, run, k) }));
    return client.unbind();
  }
  const clients = await Promise.all(Array.from({ length: Number(arg('--c', '8')) }, connect));
  const seconds = Number(arg('--d', '10'));
  const pid = Number(arg('--server-pid', '0'));
  await phase(clients, run, [...QUERY_TYPES], 2, 0); // warm-up
  const phases: Record<string, unknown> = {};
  for (const name of arg('--phases', 'a,b,c,d,mix')!.split(',')) {
    const types = name === 'mix' ? [...QUERY_TYPES] : QUERY_TYPES.filter((t) => t === name);
    if (types.length === 0) throw new Error(`[bench:ldap] --phases takes a, b, c, d, mix; got ${name}`);
    phases[name] = await phase(clients, run, types, seconds, pid);
  }
  console.log(JSON.stringify({ phases, peakRssMB: pid ? peakRssMB(pid) : null }));
  await Promise.all(clients.map((client) => client.unbind().catch(() => undefined)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
