import type { FuzzInput } from './input';
import type { Protocol } from './protocol';
import { type ServerSlot, sendChecked } from './server-slot';
import type { FailureKind } from './tally';

export interface Item {
  index: number;
  input: FuzzInput;
}

/**
 * Sends `items` one at a time to a healthy server, then asks its health: the failure they cause, if any.
 * A failed server is discarded, so the next trial starts on a fresh one.
 */
export async function reproduce(
  protocol: Protocol,
  slot: ServerSlot,
  items: Item[],
  timeoutMs: number,
): Promise<FailureKind | undefined> {
  const server = await slot.get();
  for (const item of items) {
    const { failure } = await sendChecked(protocol, server, item.input, timeoutMs);
    if (failure) {
      await slot.discard();
      return failure.kind;
    }
  }
  if (!(await protocol.health(server))) return undefined;
  const kind = server.alive ? 'unhealthy' : 'death';
  await slot.discard();
  return kind;
}

/**
 * The one input among `suspects` (in the order they were sent) that fails alone: first the last few
 * (the ones in flight when a server died), then halves. Undefined when no single input does.
 */
export async function findCulprit(
  protocol: Protocol,
  slot: ServerSlot,
  suspects: Item[],
  timeoutMs: number,
): Promise<Item | undefined> {
  for (const item of suspects.slice(-protocol.concurrency - 1).reverse())
    if (await reproduce(protocol, slot, [item], timeoutMs)) return item;
  let set = suspects;
  while (set.length > 1) {
    const half = Math.ceil(set.length / 2);
    if (await reproduce(protocol, slot, set.slice(0, half), timeoutMs)) set = set.slice(0, half);
    else if (await reproduce(protocol, slot, set.slice(half), timeoutMs)) set = set.slice(half);
    else return undefined;
  }
  return set.length === 1 && (await reproduce(protocol, slot, set, timeoutMs)) ? set[0] : undefined;
}

/**
 * A shorter input that still fails, within `maxTrials` tries: first the protocol's simpler forms (greedily),
 * then, where bytes can be cut blindly, chunks removed, largest first.
 */
export async function minimise(
  protocol: Protocol,
  slot: ServerSlot,
  item: Item,
  timeoutMs: number,
  maxTrials: number,
): Promise<Item> {
  let best = item;
  let trials = 0;
  const fails = async (input: FuzzInput) => {
    trials++;
    const candidate = { index: item.index, input };
    if (!(await reproduce(protocol, slot, [candidate], timeoutMs))) return false;
    best = candidate;
    return true;
  };
  for (let improved = true; improved && trials < maxTrials; ) {
    improved = false;
    for (const input of protocol.simpler?.(best.input) ?? []) {
      if (trials >= maxTrials) break;
      if (await fails(input)) {
        improved = true;
        break;
      }
    }
  }
  if (!protocol.cutBytes) return best;
  for (let chunk = best.input.bytes.length >> 1; chunk >= 1 && trials < maxTrials; chunk >>= 1) {
    for (let at = 0; at + chunk <= best.input.bytes.length && trials < maxTrials; at += chunk) {
      const bytes = Buffer.concat([best.input.bytes.subarray(0, at), best.input.bytes.subarray(at + chunk)]);
      if (await fails({ ...best.input, bytes })) at -= chunk;
    }
  }
  return best;
}
