import { writeCorpusFile } from './corpus';
import { PROTOCOL_NAMES, type Protocol } from './protocol';
import { Rng } from './random';
import type { ServerProcess } from './server-process';
import { deathDetail, ServerSlot, sendChecked, settle } from './server-slot';
import { type Failure, type FailureKind, Tally } from './tally';
import { findCulprit, type Item, minimise } from './triage';

export interface CampaignOptions {
  count: number;
  seed: number;
  /** Inputs between health checks. */
  batch: number;
  timeoutMs: number;
  corpusDir: string;
  /** Failures after which the protocol's run stops (each costs a restart and a triage). */
  maxFailures: number;
  /** Tries at cutting a culprit shorter (each failing try costs a server restart). */
  minimiseTrials: number;
  /** Failures searched for their input; later ones are counted, and the server replaced, without triage. */
  triage: number;
  env?: NodeJS.ProcessEnv;
  log(line: string): void;
}

/** Input `index` of a protocol's run: rebuilt alone from the seed, the protocol and the index. */
export function inputAt(protocol: Protocol, seed: number, index: number): Item {
  const stream = new Rng(seed).fork(PROTOCOL_NAMES.indexOf(protocol.name));
  return { index, input: protocol.generate(stream.fork(index)) };
}

/** Sends `count` inputs in batches, checks health after each, triages and keeps whatever failed. */
export async function runProtocol(protocol: Protocol, options: CampaignOptions): Promise<Tally> {
  const tally = new Tally(protocol.name, options.seed, options.count);
  const started = performance.now();
  const slot = new ServerSlot(protocol, options.env);
  let server = await slot.get();
  const first = await protocol.health(server);
  if (first) throw new Error(`[fuzz] ${protocol.name}: the server is not healthy before any input: ${first}`);
  tally.rssBefore = server.rss();
  for (let from = 0; from < options.count; ) {
    const to = Math.min(from + options.batch, options.count);
    const items = Array.from({ length: to - from }, (_, i) => inputAt(protocol, options.seed, from + i));
    let { failure, sent } = await runBatch(protocol, server, items, tally, options.timeoutMs);
    if (!failure) {
      const problem = await protocol.health(server);
      if (!problem) tally.healthAnswered++;
      else {
        tally.healthFailed++;
        const kind = server.alive ? 'unhealthy' : 'death';
        failure = { kind, detail: server.alive ? problem : deathDetail(server), suspects: items };
      }
    }
    from += sent;
    if (failure) {
      tally.addStrays(server.strays);
      await record(protocol, slot, tally, failure, [items[0].index, from - 1], options);
      if (tally.failures.length >= options.maxFailures && from < options.count) {
        tally.stoppedEarly = `${tally.failures.length} failures (--max-failures); inputs #${from}-#${options.count - 1} not sent`;
        break;
      }
      server = await slot.get();
    }
    options.log(
      `[fuzz] ${protocol.name}: ${tally.sent}/${options.count} sent, ${tally.failures.length} failures`,
    );
  }
  server = await slot.get();
  tally.addStrays(server.strays);
  tally.rssAfter = server.rss();
  tally.restarts = slot.starts - 1;
  await slot.stop();
  tally.ms = performance.now() - started;
  return tally;
}

type BatchFailure = { kind: FailureKind; detail: string; suspects: Item[] };

/** The batch's inputs, `concurrency` at a time, until one fails the server. */
async function runBatch(
  protocol: Protocol,
  server: ServerProcess,
  items: Item[],
  tally: Tally,
  timeoutMs: number,
): Promise<{ failure?: BatchFailure; sent: number }> {
  let next = 0;
  let failure: BatchFailure | undefined;
  const worker = async () => {
    while (!failure && next < items.length && server.alive) {
      const item = items[next++];
      const checked = await sendChecked(protocol, server, item.input, timeoutMs);
      tally.answer(checked.outcome.kind, item.input.label, item.index);
      if (checked.failure && !failure) {
        const direct = checked.failure.kind === 'bad error' || protocol.concurrency === 1;
        failure = { ...checked.failure, suspects: direct ? [item] : items.slice(0, next) };
      }
    }
  };
  await Promise.all(Array.from({ length: protocol.concurrency }, worker));
  await settle(server, 200);
  if (!failure && !server.alive)
    failure = { kind: 'death', detail: deathDetail(server), suspects: items.slice(0, next) };
  return { failure, sent: next };
}

/** Triage: the culprit alone (minimised), written to the corpus; the failed server is replaced. */
async function record(
  protocol: Protocol,
  slot: ServerSlot,
  tally: Tally,
  failure: BatchFailure,
  batch: [number, number],
  options: CampaignOptions,
): Promise<void> {
  await slot.discard();
  const entry: Failure = { kind: failure.kind, detail: failure.detail, batch, triaged: false };
  tally.failures.push(entry);
  if (tally.failures.length > options.triage) return;
  entry.triaged = true;
  options.log(`[fuzz] ${protocol.name}: ${failure.kind} (${failure.detail.slice(0, 160)}); triage...`);
  const culprit = await findCulprit(protocol, slot, failure.suspects, options.timeoutMs);
  if (!culprit) return;
  const small = await minimise(protocol, slot, culprit, options.timeoutMs, options.minimiseTrials);
  const file = writeCorpusFile(options.corpusDir, protocol.name, small.input);
  entry.culprit = { index: culprit.index, label: culprit.input.label, file, bytes: small.input.bytes.length };
}
