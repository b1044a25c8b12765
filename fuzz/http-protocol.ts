import { httpInput } from './http-inputs';
import { adminHealth, httpProbe } from './http-probe';
import { basicAuth, httpAnswerKind, httpComplete } from './http-request';
import { withoutOneHeader } from './http-simpler';
import type { Protocol } from './protocol';
import { urlPort } from './protocol';
import { EXCHANGE_LOGIN, LYNC_ONLINE_USER } from './seeds';
import { ENTRIES, type ServerProcess } from './server-process';
import { poxAutodiscoverBody, resolveNamesBody } from './soap-bodies';
import { talk } from './wire';

const XML = {
  'content-type': 'text/xml; charset=utf-8',
  authorization: basicAuth(EXCHANGE_LOGIN.user, EXCHANGE_LOGIN.password),
};

/** HTTP and SOAP: Exchange's Autodiscover (POX and SOAP) and EWS, Lync Online's UCWA, the pool's CertProv. */
export const httpProtocol: Protocol = {
  name: 'http',
  entry: ENTRIES.services,
  args: ['exchange', 'lync-online', 'lync-fe'],
  concurrency: 8,
  cutBytes: false,
  simpler: withoutOneHeader,
  generate: httpInput,
  async send(server, input, timeoutMs) {
    const port = urlPort(server.urls[input.target].http);
    const result = await talk(port, input.bytes, { complete: httpComplete, quietMs: 300, timeoutMs });
    return { kind: httpAnswerKind(result), ending: result.ending };
  },
  alive: async (server) => !(await adminHealth(server.urls)),
  health: httpHealth,
};

/** EWS ResolveNames and POX Autodiscover for Pat Kim, a people search on Lync Online, the pool's chain. */
export async function httpHealth(server: ServerProcess): Promise<string | undefined> {
  const exchange = server.urls.exchange.http;
  const checks: Array<[string, Promise<string | undefined>]> = [
    [
      'EWS ResolveNames',
      expect(
        `${exchange}/EWS/Exchange.asmx`,
        resolveNamesBody('Pat Kim'),
        /NoError<\/m:ResponseCode>[\s\S]*<t:Name>Pat Kim<\/t:Name>/,
      ),
    ],
    [
      'Autodiscover POX',
      expect(
        `${exchange}/autodiscover/autodiscover.xml`,
        poxAutodiscoverBody('pkim@xyz.corp'),
        /<ASUrl>http:\/\/[^<]+\/EWS\/Exchange\.asmx<\/ASUrl>/,
      ),
    ],
    [
      'UCWA people search',
      expect(
        `${server.urls['lync-online'].http}/ucwa/oauth/v1/applications/${encodeURIComponent(LYNC_ONLINE_USER)}/people/search?query=anna`,
        undefined,
        /"contacts":\[\{/,
      ),
    ],
    [
      'CertProv chain',
      expect(
        `${server.urls['lync-fe'].http}/CertProv/CertProvisioningService.svc`,
        undefined,
        /BEGIN CERTIFICATE[\s\S]+BEGIN CERTIFICATE/,
      ),
    ],
  ];
  const problems: string[] = [];
  for (const [name, check] of checks) {
    const problem = await check;
    if (problem) problems.push(`${name}: ${problem}`);
  }
  return problems.length ? problems.join('; ') : undefined;
}

/** POSTs `body` (GETs without one) and checks the answer is 200 and matches `pattern`. */
export async function expect(
  url: string,
  body: string | undefined,
  pattern: RegExp,
): Promise<string | undefined> {
  const answer = await httpProbe(url, body === undefined ? {} : { method: 'POST', headers: XML, body });
  if (!answer) return 'unanswered';
  const text = answer.body.toString('utf8');
  if (answer.status !== 200 || !pattern.test(text)) return `answered ${answer.status}: ${text.slice(0, 160)}`;
  return undefined;
}
