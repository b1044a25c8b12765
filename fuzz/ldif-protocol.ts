import { writeLdif } from '../src/tenant/ldif-writer';
import { buildSampleTenant } from '../src/tenant/sample';
import { ldifInput } from './ldif-inputs';
import type { LdifAnswer } from './ldif-worker';
import type { Protocol } from './protocol';
import { ENTRIES, type ServerProcess } from './server-process';

let sample: string | undefined;

/** Mutated exports through the tenant reader (in a child process): only LdifErrors naming file:line. */
export const ldifProtocol: Protocol = {
  name: 'ldif',
  entry: ENTRIES.ldif,
  args: [],
  concurrency: 1,
  cutBytes: true,
  generate: ldifInput,
  async send(server, input, timeoutMs) {
    const answer = await server.ask({ bytes: input.bytes.toString('base64') }, timeoutMs);
    if (answer === 'timeout')
      return { kind: server.alive ? 'timeout' : 'closed', ending: server.alive ? 'timeout' : 'refused' };
    const { kind, failure } = answer as LdifAnswer;
    return { kind, failure, ending: 'answered' };
  },
  alive: async (server) => (await server.ask({ bytes: '' }, 2000)) !== 'timeout',
  health: (server) => ldifHealth(server),
};

/** The sample's ABC forest, exported whole, still reads. */
async function ldifHealth(server: ServerProcess): Promise<string | undefined> {
  sample ??= Buffer.from(writeLdif(buildSampleTenant().forests[0].entries)).toString('base64');
  const answer = await server.ask({ bytes: sample }, 10_000);
  return (answer as LdifAnswer)?.kind === 'read'
    ? undefined
    : `the sample export answered ${JSON.stringify(answer)}`;
}
