/**
 * npm run bench:oab: the OAB for a 100,000-object GAL, served by the Exchange mock over HTTP.
 * Reports generation time and size, the Outlook simulator's download-and-decode time, and our
 * container decode against libmspack's decode of the same file (both measured in this run).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { ADMIN_TOKEN_VARIABLE, adminToken } from '../../mocks/admin';
import { readFullDetails, unpackLzxContainer } from '../../src/clients/exchange/oab-decoder';
import { OutlookSimulator } from '../../src/clients/exchange/outlook';
import { AdminClient } from '../../src/harness/admin-client';
import { MOCK_PROCESS_FLAGS } from '../../src/harness/process-service';
import { ExchangeAdmin } from '../../src/harness/service-admin';
import { buildOabDecode } from '../../tools/oab-decode/build';
import { galEntries } from './gal';

// The mock runs in a child process: it takes its admin token from here.
process.env[ADMIN_TOKEN_VARIABLE] ||= adminToken();

const SIZE = Number(process.env.OAB_BENCH_SIZE ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'bench-oab-'));
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
  const start = performance.now();
  const value = await f();
  return [value, performance.now() - start];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Starts the mock in a child process (as in container mode) and reads its URLs from its first line. */
async function startServer() {
  // As the harness runs a mock: compiled code, no TypeScript compiler in the process (register-ts's cache).
  const register = join(__dirname, '..', '..', 'scripts', 'register-ts.js');
  const child = spawn(
    process.execPath,
    [...MOCK_PROCESS_FLAGS, '--require', register, join(__dirname, 'serve-exchange.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const first = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout! }).once('line', resolve),
  );
  const urls = JSON.parse(first) as Record<string, string>;
  const peakRssMB = () =>
    Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
  const stop = () => new Promise<void>((resolve) => child.once('exit', () => resolve()).kill('SIGTERM'));
  return { urls, peakRssMB, stop };
}

async function main() {
  const mock = await startServer();
  const admin = new AdminClient(mock.urls.admin);
  const body = JSON.stringify({ entries: galEntries(SIZE) });
  const [, loadMs] = await time(() => admin.loadData(body, 'application/json'));
  const serverPeakAfterLoadMB = mock.peakRssMB();
  // Monday 05:00: the mock generates the OAB from the 100,000-object GAL; 11:00: it is distributed.
  await admin.setClock(new Date('2014-12-01T11:00:00Z'));
  const records = { 'bench.example': mock.urls.autodiscover };
  const credentials = { login: 'user0@bench.example', password: 'Pa55w.rd' };
  const outlook = new OutlookSimulator(
    {
      version: 2013,
      mode: 'cached',
      profileDir: join(dir, 'profile'),
      mailAddress: credentials.login,
      credentials,
      records,
    },
    Date.UTC(2014, 11, 1, 11),
  );
  await outlook.discover();
  const auth = {
    authorization: `Basic ${Buffer.from(`${credentials.login}:${credentials.password}`).toString('base64')}`,
  };
  const oabUrl = (outlook.discovery as { oabUrl: string }).oabUrl;
  // The first manifest request builds the generation (v4 writer + stored-block container + SHA-1).
  const [manifest, generationMs] = await time(() =>
    fetch(`${oabUrl}oab.xml`, { headers: auth }).then((r) => r.text()),
  );
  const size = Number(/ size="(\d+)"/.exec(manifest)![1]);
  const [check, downloadDecodeMs] = await time(() => outlook.checkOab(Date.UTC(2014, 11, 1, 11)));
  if (check.outcome !== 'downloaded') throw new Error(`download failed: ${check.detail}`);
  const name = />([^<]+-data-\d+\.lzx)</.exec(manifest)![1];
  const file = Buffer.from(await (await fetch(`${oabUrl}${name}`, { headers: auth })).arrayBuffer());
  const daily = await dailyDifferential(admin, oabUrl, auth, outlook);
  const lzxPath = join(dir, 'full.lzx');
  writeFileSync(lzxPath, file);
  const serverPeakRssMB = mock.peakRssMB();
  await mock.stop();

  const ours = Array.from({ length: 5 }, () => performance.now()).map(() => {
    const start = performance.now();
    unpackLzxContainer(file);
    return performance.now() - start;
  });
  const [details, parseMs] = await time(() => readFullDetails(unpackLzxContainer(file)));
  const binary = buildOabDecode();
  const tiny = join(dir, 'tiny.lzx');
  writeFileSync(tiny, Buffer.from([3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]));
  const spawnOnly = Array.from({ length: 5 }, () => timedRun(binary, tiny, join(dir, 'tiny.oab')));
  const libmspack = Array.from({ length: 5 }, () => timedRun(binary, lzxPath, join(dir, 'full.oab')));
  clearInterval(sampler);
  // libmspack's own decode time without starting its process; unmeasurable on files too small to matter.
  const libNet = median(libmspack) - median(spawnOnly);
  const report = {
    gal: SIZE,
    recordsDecoded: details.records.length,
    loadMs: round(loadMs),
    generationMs: round(generationMs),
    fileBytes: size,
    downloadAndDecodeMs: round(downloadDecodeMs),
    fullDecodeMs: round(parseMs),
    ourContainerDecodeMs: round(median(ours)),
    libmspackDecodeMs: round(median(libmspack)),
    libmspackProcessStartMs: round(median(spawnOnly)),
    ratioOursToLibmspack: round(median(ours) / median(libmspack)),
    ratioOursToLibmspackWithoutProcessStart: libNet > 1 ? round(median(ours) / libNet) : null,
    ...daily,
    serverPeakRssMB: round(serverPeakRssMB),
    serverPeakRssAfterLoadMB: round(serverPeakAfterLoadMB),
    clientPeakRssMB: round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20),
    targets: { generationUnder2s: generationMs < 2000, serverRssUnder500MB: serverPeakRssMB < 500 },
  };
  console.log(JSON.stringify(report, null, 2));
}

/**
 * A day of changes (50 objects renamed, one contact added), the next day's generation, and the
 * differential file it makes: built when oab.xml is first asked for, then downloaded and applied by Outlook.
 */
async function dailyDifferential(
  admin: AdminClient,
  oabUrl: string,
  auth: Record<string, string>,
  outlook: OutlookSimulator,
) {
  const changed = galEntries(SIZE)
    .filter((_, i) => i % 2000 === 7)
    .map((e) => ({
      ...e,
      attributes: { ...e.attributes, displayName: [`${e.attributes.displayName[0]} (moved)`] },
    }));
  const added = galEntries(SIZE + 1).slice(SIZE);
  await new ExchangeAdmin(admin).upsertRecipients([...changed, ...added]);
  const tuesday = Date.UTC(2014, 11, 2, 11);
  await admin.setClock(new Date(tuesday));
  const [manifest, diffBuildMs] = await time(() =>
    fetch(`${oabUrl}oab.xml`, { headers: auth }).then((r) => r.text()),
  );
  const [check, diffDownloadAndApplyMs] = await time(() => outlook.checkOab(tuesday));
  if (check.kind !== 'diff') throw new Error(`expected a differential download: ${JSON.stringify(check)}`);
  const sizes = [...manifest.matchAll(/<Diff seq="(\d+)"[^>]* size="(\d+)"/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  return {
    diffChangedObjects: changed.length + added.length,
    diffBytes: sizes.find(([seq]) => seq === check.sequence)?.[1],
    diffBuildMs: round(diffBuildMs),
    diffDownloadAndApplyMs: round(diffDownloadAndApplyMs),
  };
}

function timedRun(binary: string, input: string, output: string): number {
  const start = performance.now();
  execFileSync(binary, [input, output]);
  return performance.now() - start;
}

const round = (x: number) => Math.round(x * 100) / 100;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
