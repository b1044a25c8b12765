import { mutateFraming } from './http-framing';
import { basicAuth, type HttpRequest, request, serialize } from './http-request';
import type { FuzzInput } from './input';
import { mutateJson } from './json-mutator';
import type { Rng } from './random';
import { EXCHANGE_LOGIN, LYNC_ONLINE_USER } from './seeds';
import { getUserSettingsBody, poxAutodiscoverBody, resolveNamesBody } from './soap-bodies';
import { mutateXml } from './xml-mutator';

const UCWA = `/ucwa/oauth/v1/applications/${encodeURIComponent(LYNC_ONLINE_USER)}/`;
const NAMES = ['Anna', 'pkim@xyz.corp', 'sip:', 'smtp:pat', 'a b c', '*', '', ' '];
const XML = 'text/xml; charset=utf-8';
const OTHER_PATHS = ['/', '/owa/', '/EWS/Services.wsdl', '/autodiscover/', '/EWS/exchange.asmx/x'];
const CERT_PROV = '/CertProv/CertProvisioningService.svc';

type Endpoint = { target: string; name: string; path: string; make(rng: Rng): HttpRequest; xml?: boolean };

const auth = (rng: Rng): Array<[string, string]> =>
  rng.chance(0.85) ? [['Authorization', basicAuth(EXCHANGE_LOGIN.user, EXCHANGE_LOGIN.password)]] : [];

const RESOLVE_NAMES = '"http://schemas.microsoft.com/exchange/services/2006/messages/ResolveNames"';

/** An XML POST to Exchange, signed in (mostly), in the order a client writes it. */
const soap = (
  name: string,
  path: string,
  body: (rng: Rng) => string,
  extra: Array<[string, string]> = [],
) => ({
  target: 'exchange',
  name,
  path,
  xml: true,
  make: (rng: Rng) => request('POST', path, [['Content-Type', XML], ...extra, ...auth(rng)], body(rng)),
});

const ENDPOINTS: Array<[number, Endpoint]> = [
  [
    4,
    soap('ews', '/EWS/Exchange.asmx', (rng) => resolveNamesBody(rng.pick(NAMES), rng.chance(0.5)), [
      ['SOAPAction', RESOLVE_NAMES],
    ]),
  ],
  [
    3,
    soap('autodiscover-pox', '/autodiscover/autodiscover.xml', (rng) =>
      poxAutodiscoverBody(rng.pick(['pkim@xyz.corp', 'nobody@xyz.corp', ''])),
    ),
  ],
  [
    2,
    soap('autodiscover-soap', '/autodiscover/autodiscover.svc', (rng) =>
      getUserSettingsBody(
        rng.pick(['pkim@xyz.corp', 'x']),
        rng.chance(0.5) ? undefined : ['Bogus', 'UserDN'],
      ),
    ),
  ],
  [
    1,
    {
      target: 'exchange',
      name: 'other',
      path: '/owa/',
      make: (rng) => request(rng.pick(['GET', 'POST']), rng.pick(OTHER_PATHS)),
    },
  ],
  [1, { target: 'lync-online', name: 'ucwa', path: `${UCWA}people/search`, make: (rng) => ucwa(rng) }],
  [
    1,
    {
      target: 'lync-fe',
      name: 'certprov',
      path: CERT_PROV,
      make: (rng) => request(rng.pick(['GET', 'GET', 'POST', 'HEAD']), CERT_PROV),
    },
  ],
];

function ucwa(rng: Rng): HttpRequest {
  const [method, rest, body] = rng.pick<[string, string, Record<string, unknown> | undefined]>([
    ['GET', 'people/search?query=pat', undefined],
    ['GET', 'people/contacts', undefined],
    ['POST', 'people/contacts', { uri: 'sip:anna.berg@abc.corp' }],
    ['POST', 'people/presenceSubscriptions', { uris: ['sip:anna.berg@abc.corp'] }],
    ['GET', 'people/sip%3Aanna.berg%40abc.corp/presence', undefined],
    ['POST', 'communication/messaging', { to: 'sip:anna.berg@abc.corp', text: 'hi' }],
    ['GET', 'people/lookup?mail=pkim@xyz.corp', undefined],
  ]);
  const r = request(
    method,
    `${UCWA}${rest}`,
    [['Content-Type', 'application/json']],
    body ? JSON.stringify(body) : '',
  );
  if (body && rng.chance(0.5)) {
    const { body: mutated } = mutateJson(rng, body);
    r.body = mutated;
    r.headers = r.headers.map(([n, v]) => [n, n === 'Content-Length' ? String(mutated.length) : v]);
  }
  return r;
}

/** One HTTP input: a request a client would send to Exchange, Lync Online or the pool, made wrong somewhere. */
export function httpInput(rng: Rng): FuzzInput {
  const endpoint = rng.weighted(ENDPOINTS);
  const r = endpoint.make(rng);
  const changes: string[] = [];
  if (endpoint.xml && rng.chance(0.6)) {
    const text = r.body.toString('utf8');
    const { body, mutation } = mutateXml(rng, text);
    r.body = body;
    r.headers = r.headers.map(([n, v]) => [n, n === 'Content-Length' ? String(body.length) : v]);
    changes.push(mutation);
  }
  if (!changes.length || rng.chance(0.4)) changes.push(mutateFraming(rng, r, endpoint.path));
  return { target: endpoint.target, label: `${endpoint.name} ${changes.join('+')}`, bytes: serialize(r) };
}
