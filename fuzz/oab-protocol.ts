import { OAB_GUID } from '../mocks/exchange/oab-store';
import { adminHealth, httpProbe } from './http-probe';
import { basicAuth, httpAnswerKind, httpComplete } from './http-request';
import { withoutOneHeader } from './http-simpler';
import { oabInput } from './oab-inputs';
import type { Protocol } from './protocol';
import { urlPort } from './protocol';
import { EXCHANGE_LOGIN } from './seeds';
import { ENTRIES, type ServerProcess } from './server-process';
import { talk } from './wire';

const AUTH = { authorization: basicAuth(EXCHANGE_LOGIN.user, EXCHANGE_LOGIN.password) };

/** The OAB virtual directory of the Exchange mock: the manifest, the Full details file, paths around them. */
export const oabProtocol: Protocol = {
  name: 'oab',
  entry: ENTRIES.services,
  args: ['exchange'],
  concurrency: 8,
  cutBytes: false,
  simpler: withoutOneHeader,
  generate: oabInput,
  async send(server, input, timeoutMs) {
    const port = urlPort(server.urls.exchange.http);
    const result = await talk(port, input.bytes, { complete: httpComplete, quietMs: 300, timeoutMs });
    return { kind: httpAnswerKind(result), ending: result.ending };
  },
  alive: async (server) => !(await adminHealth(server.urls)),
  health: oabHealth,
};

/** The manifest (200, names a Full file of the size it says) and that file. */
export async function oabHealth(server: ServerProcess): Promise<string | undefined> {
  const base = `${server.urls.exchange.http}/OAB/${OAB_GUID}`;
  const manifest = await httpProbe(`${base}/oab.xml`, { headers: AUTH });
  const text = manifest?.body.toString('utf8') ?? '';
  const full = /<Full [^>]*\ssize="(\d+)"[^>]*>([^<]+)<\/Full>/.exec(text);
  if (manifest?.status !== 200 || !full)
    return `GET oab.xml ${manifest ? `answered ${manifest.status}: ${text.slice(0, 120)}` : 'unanswered'}`;
  const file = await httpProbe(`${base}/${full[2]}`, { headers: AUTH });
  if (file?.status !== 200 || file.body.length !== Number(full[1]))
    return `GET ${full[2]} ${file ? `answered ${file.status} with ${file.body.length} bytes, not ${full[1]}` : 'unanswered'}`;
  return undefined;
}
