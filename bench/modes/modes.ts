import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { mockFactories as serviceFactories } from '../../mocks/registry';
import { AdminClient } from '../../src/harness/admin-client';
import { dockerApi } from '../../src/harness/container/docker-api';
import { containerNetwork, MockContainer } from '../../src/harness/container/mock-container';
import { prepareContainerMode } from '../../src/harness/containers';

/**
 * Container mode against embedded mode, measured in one run on the same machine:
 * - the whole suite's wall time in each mode (the anchor is the embedded run), and their ratio;
 * - per service, start-to-ready in a container (start until the admin API's health answers) next to
 *   the same factory started in-process, median of REPEATS, and the CPU the container used until then
 *   (Docker's own account: a figure the machine's other load disturbs far less than wall time).
 * BENCH_MODES_COMPARE_IMAGE=<image> (another commit's mock image) starts that image's container after
 * each of this one's, so both share the machine's load, and prints its figures and the ratios.
 * Targets (issue 6): containers within 1.5x of embedded for the suite; each service ready < 1 s.
 */
const PROJECT = join(__dirname, '..', '..');
const OUT = join(PROJECT, 'reports', 'bench-modes');
const REPEATS = 5;
const SUITE_RATIO_TARGET = 1.5;
const READY_TARGET_MS = 1000;

export async function benchModes(): Promise<number> {
  mkdirSync(OUT, { recursive: true });
  const image = await prepareContainerMode(); // built before timing anything
  console.log(`image ${image.image}${image.built ? ` (built now in ${ms(image.ms)})` : ''}`);

  const compare = process.env.BENCH_MODES_COMPARE_IMAGE || undefined;
  const services = await startTimes(image.image, compare);
  const embedded = suite('embedded');
  // The image built above, so that no rebuild (after someone's edit) lands inside the timing.
  const containers = suite('containers', { LYNC_HARNESS_MOCK_IMAGE: image.image });
  const ratio = containers.ms / embedded.ms;

  console.log('\nservice             embedded start   container start-to-ready   its CPU');
  for (const s of services) {
    const over = s.container.ms < READY_TARGET_MS ? 'ok' : 'OVER 1 s';
    console.log(
      `${s.name.padEnd(20)}${ms(s.embeddedMs).padStart(14)}   ${ms(s.container.ms).padStart(12)}  ${over.padEnd(8)} ${ms(s.container.cpuMs).padStart(8)}`,
    );
    if (s.compared)
      console.log(
        `${'  vs compared image'.padEnd(34)}   ${ms(s.compared.ms).padStart(12)}  ${`${times(s.container.ms, s.compared.ms)}`.padEnd(8)} ${ms(s.compared.cpuMs).padStart(8)}  ${times(s.container.cpuMs, s.compared.cpuMs)}`,
      );
  }
  if (compare)
    console.log(
      `(compared image ${compare}; ratios: this image / compared; load ${loadavg()[0].toFixed(2)})`,
    );
  console.log(`\nwhole suite, embedded:   ${ms(embedded.ms)} (${embedded.status})`);
  console.log(`whole suite, containers: ${ms(containers.ms)} (${containers.status})`);
  console.log(
    `ratio containers / embedded: ${ratio.toFixed(2)}x (target <= ${SUITE_RATIO_TARGET}x: ${ratio <= SUITE_RATIO_TARGET ? 'met' : 'NOT met'})`,
  );
  const result = {
    image: { ...image, client: undefined },
    compared: compare,
    services,
    embedded,
    containers,
    ratio,
    at: new Date().toISOString(),
  };
  writeFileSync(join(OUT, 'result.json'), JSON.stringify(result, null, 2));
  console.log(`figures: ${join(OUT, 'result.json')}`);
  return 0;
}

interface Ready {
  ms: number;
  cpuMs: number;
}

async function startTimes(image: string, compare?: string) {
  const results = [];
  // Samba's DC is a real server run as local processes, not a mock of the image: it has no container to time.
  for (const name of Object.keys(serviceFactories).filter((n) => !n.startsWith('samba-'))) {
    const embeddedMs: number[] = [];
    const container: Ready[] = [];
    const compared: Ready[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const started = performance.now();
      const mock = await serviceFactories[name]({ host: '127.0.0.1', port: 0 });
      await new AdminClient(mock.urls.admin).health();
      embeddedMs.push(performance.now() - started);
      await mock.stop();
      container.push(await startToReady(image, name));
      if (compare) compared.push(await startToReady(compare, name));
    }
    results.push({
      name,
      embeddedMs: median(embeddedMs),
      container: medians(container),
      compared: compare ? medians(compared) : undefined,
    });
  }
  return results;
}

/** One container of `image` serving `kind`: start until its admin API's health answers, and the CPU it used until then. */
async function startToReady(image: string, kind: string): Promise<Ready> {
  const started = performance.now();
  const container = await MockContainer.start({ image, kind, name: kind, network: containerNetwork() });
  const elapsed = performance.now() - started;
  try {
    const stats = await dockerApi().getContainer(container.id).stats({ stream: false, 'one-shot': true });
    return { ms: elapsed, cpuMs: stats.cpu_stats.cpu_usage.total_usage / 1e6 };
  } finally {
    await container.stop();
  }
}

/** One whole-suite run as a user would start it; wall time includes starting and removing services. */
function suite(mode: 'embedded' | 'containers', env: Record<string, string> = {}) {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['bin/lync-harness.js', 'run', '--services', mode, '--out', join(OUT, mode), '--quiet'],
    { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, ...env } },
  );
  const elapsed = performance.now() - started;
  const summary =
    run.stdout
      .split('\n')
      .find((l) => /scenarios (ran|in)/.test(l))
      ?.trim() ?? '';
  return {
    mode,
    ms: elapsed,
    status: run.status === 0 ? `passed; ${summary}` : `exit ${run.status}; ${summary}`,
  };
}

function medians(readies: Ready[]): Ready {
  return { ms: median(readies.map((r) => r.ms)), cpuMs: median(readies.map((r) => r.cpuMs)) };
}

function times(mine: number, theirs: number): string {
  return `${(mine / theirs).toFixed(2)}x`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
}
