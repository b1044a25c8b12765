import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ADMIN_TOKEN_VARIABLE, adminToken } from '../../mocks/admin';
import { seedDirectory } from '../../src/harness/directory';
import { startProcessService } from '../../src/harness/process-service';
import type { StartedService } from '../../src/harness/started-service';
import { dnKey } from '../../src/tenant/dn';
import { buildSampleTenant } from '../../src/tenant/sample';
import type { Forest } from '../../src/tenant/tenant';
import { allows, loadAllowances } from './allowed-differences';
import { compareAnswers, type Difference } from './compare-answers';
import { generatedQueries } from './generated-queries';
import { askAsync, type LdapQuery } from './ldap-answer';
import { forestOf, recordedQueries } from './recorded-queries';

const HELP = `npm run conformance:ldap -- [--run DIR] [--concurrency N] [--show N] [--json FILE]

Replays LDAP requests against the mock DC and Samba's AD DC, both seeded with the sample tenant's
forests, and compares the answers as test/samba does (per-DC values and Samba's built-ins set aside,
AD's error-text prefixes only); differences listed in test/samba/allowed-differences.yaml are explained.
The requests: those generated from every object of the sample tenant (test/samba/generated-queries.ts)
and the searches recorded in a run's journals (--run DIR, default reports/test-run when it exists).
--json FILE writes every unexplained difference. Exit status 1 when a difference is not explained. Needs Samba's packages and root.`;

interface Tally {
  replayed: number;
  generated: number;
  recorded: number;
  identical: number;
  byKind: Map<string, { explained: number; unexplained: number }>;
  unexplained: Difference[];
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const runDir =
    option('--run') ?? (existsSync('reports/test-run/messages.ndjson') ? 'reports/test-run' : '');
  const concurrency = Number(option('--concurrency') ?? 4);
  const show = Number(option('--show') ?? 20);
  const forests = buildSampleTenant().forests;
  const generated = distinct(forests.flatMap(generatedQueries), new Set());
  const recorded = runDir
    ? distinct(recordedQueries(join(resolve(runDir), 'messages.ndjson'), forests), requestKeys(generated))
    : [];
  process.env[ADMIN_TOKEN_VARIABLE] ||= adminToken();
  const started: StartedService[] = [];
  try {
    const servers = await Promise.all(forests.map((f) => startPair(f, started)));
    const tally = await replay([...generated, ...recorded], forests, servers, concurrency);
    tally.generated = generated.length;
    tally.recorded = recorded.length;
    print(tally, runDir, show);
    const out = option('--json');
    if (out) writeFileSync(out, JSON.stringify(tally.unexplained, null, 1));
    return tally.unexplained.length ? 1 : 0;
  } finally {
    await Promise.all(started.map((s) => s.stop()));
  }
}

/** A request's content (bind, base, scope, filter, attributes, paging), whatever its name. */
function requestKey(q: LdapQuery): string {
  const { name: _name, ...request } = q;
  return JSON.stringify(Object.entries(request).sort(([a], [b]) => a.localeCompare(b)));
}

function requestKeys(queries: LdapQuery[]): Set<string> {
  return new Set(queries.map(requestKey));
}

/** Each request once: the first of those asking the same, and none already in `seen`. */
function distinct(queries: LdapQuery[], seen: Set<string>): LdapQuery[] {
  return queries.filter((q) => {
    const key = requestKey(q);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Pair {
  forest: Forest;
  mock: StartedService;
  samba: StartedService;
  tenantDns: Set<string>;
}

async function startPair(forest: Forest, started: StartedService[]): Promise<Pair> {
  const [mock, samba] = await Promise.all(
    [`ldap-${forest.role}`, `samba-${forest.role}`].map(async (kind) => {
      const service = await startProcessService(kind);
      started.push(service);
      return service;
    }),
  );
  await Promise.all([seedDirectory(mock, forest), seedDirectory(samba, forest)]);
  return { forest, mock, samba, tenantDns: new Set(forest.entries.map((e) => dnKey(e.dn))) };
}

async function replay(queries: LdapQuery[], forests: Forest[], pairs: Pair[], concurrency: number) {
  const allowances = loadAllowances();
  const tally: Tally = {
    replayed: 0,
    generated: 0,
    recorded: 0,
    identical: 0,
    byKind: new Map(),
    unexplained: [],
  };
  let next = 0;
  const worker = async () => {
    while (next < queries.length) {
      const query = queries[next++];
      const forest = forestOfQuery(query, forests);
      const pair = pairs.find((p) => p.forest === forest) ?? pairs[0];
      const [mock, samba] = await Promise.all([
        askAsync(pair.mock.urls.ldap, query),
        askAsync(pair.samba.urls.ldap, query),
      ]);
      const found = compareAnswers(query.name, pair.tenantDns, mock, samba);
      tally.replayed++;
      if (!found.length) tally.identical++;
      for (const d of found) {
        const explained = allowances.some((a) => allows(a, d));
        const kind = tally.byKind.get(d.kind) ?? { explained: 0, unexplained: 0 };
        kind[explained ? 'explained' : 'unexplained']++;
        tally.byKind.set(d.kind, kind);
        if (!explained) tally.unexplained.push(d);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return tally;
}

/** The forest a request is about: its base, else the domain of its bind name. */
function forestOfQuery(query: LdapQuery, forests: Forest[]): Forest | undefined {
  if (query.base) return forestOf(query.base, forests);
  const name = query.bind?.name.toLowerCase() ?? '';
  return forests.find(
    (f) => name.startsWith(`${f.netbios.toLowerCase()}\\`) || name.endsWith(`@${f.domain.toLowerCase()}`),
  );
}

function print(tally: Tally, runDir: string, show: number): void {
  const withDifferences = tally.replayed - tally.identical;
  console.log(
    `conformance:ldap: ${tally.replayed} distinct requests replayed against the mock DC and Samba ` +
      `(${tally.generated} generated from the sample tenant, ${tally.recorded} recorded in ${runDir || 'no run'})`,
  );
  console.log(`  identical answers: ${tally.identical}; answers that differ: ${withDifferences}`);
  for (const [kind, n] of [...tally.byKind].sort())
    console.log(
      `  ${kind}: ${n.explained} explained (allowed-differences.yaml), ${n.unexplained} unexplained`,
    );
  if (tally.unexplained.length) {
    console.log(`unexplained differences (${tally.unexplained.length}; first ${show}):`);
    for (const d of tally.unexplained.slice(0, show)) console.log(`  ${JSON.stringify(d)}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`conformance:ldap: ${(error as Error).stack ?? error}`);
    process.exit(1);
  },
);
