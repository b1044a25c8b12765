import { Socket } from 'node:net';

/**
 * Deliberately planted defects, only for proving the fuzzer notices them: with FUZZ_PLANT=KIND:TEXT the
 * fuzzer preloads this file into each server process (child.ts). Once a server socket receives bytes containing TEXT: `crash` exits the process,
 * `hang` blocks it forever, `deaf` leaves it running but drops every later request that names aberg
 * (the LDAP health check's user), so only a health check can tell. It sees what arrives through a
 * socket's 'data' events, as the LDAP listener reads; node:http parses below them and is not reached.
 */
export function plant(spec: string): void {
  const [kind, ...rest] = spec.split(':');
  const marker = Buffer.from(rest.join(':'));
  if (!['crash', 'hang', 'deaf'].includes(kind) || marker.length === 0)
    throw new Error(`FUZZ_PLANT takes crash:TEXT, hang:TEXT or deaf:TEXT, got "${spec}"`);
  const emit = Socket.prototype.emit;
  let deaf = false;
  Socket.prototype.emit = function (
    this: Socket & { server?: unknown },
    event: string | symbol,
    ...args: unknown[]
  ) {
    const chunk = args[0];
    const pass = () => emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    if (event !== 'data' || !this.server || !Buffer.isBuffer(chunk)) return pass();
    if (deaf && chunk.includes('aberg')) return true;
    if (chunk.includes(marker)) {
      if (kind === 'crash') process.exit(70);
      if (kind === 'hang') for (;;);
      deaf = true;
    }
    return pass();
  } as typeof emit;
}

if (process.env.FUZZ_PLANT) plant(process.env.FUZZ_PLANT);
