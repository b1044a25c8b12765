import { mutateFraming } from './http-framing';
import { request, serialize } from './http-request';
import type { FuzzInput } from './input';
import { mutateJson } from './json-mutator';
import type { Rng } from './random';
import { adminToken } from './seeds';

/** Stands for the admin token in inputs and corpus files; the sender puts in the run's token (seeds.ts). */
export const TOKEN_PLACEHOLDER = '@@LYNC_MOCK_ADMIN_TOKEN@@';
export const ADMIN_SERVICES = ['ldap-onpremises', 'exchange', 'lync-online', 'edge', 'lync-fe'];

type Route = [method: string, path: string, body?: Record<string, unknown> | string];

const COMMON: Route[] = [
  ['GET', '/__admin/health'],
  ['POST', '/__admin/reset', { correlationId: 'fuzz' }],
  ['POST', '/__admin/correlation', { id: 'fuzz' }],
  ['GET', '/__admin/clock'],
  ['PUT', '/__admin/clock', { now: '2014-05-05T09:00:00Z' }],
  ['POST', '/__admin/clock/advance', { ms: 3_600_000 }],
  ['GET', '/__admin/journal?operation=ldap.search&unmatched=true'],
  ['DELETE', '/__admin/journal'],
  ['GET', '/__admin/faults'],
  ['POST', '/__admin/faults', { kind: 'delay', operation: 'nothing.fuzz', delayMs: 1, times: 1 }],
  ['DELETE', '/__admin/faults'],
  ['PUT', '/__admin/data', { entries: [] }],
  ['GET', '/__admin/nothing'],
];
const OWN: Record<string, Route[]> = {
  'ldap-onpremises': [
    ['PUT', '/__admin/passwords', { default: 'Passw0rd!', accounts: { aberg: 'Passw0rd!' } }],
    ['GET', '/__admin/stats'],
    [
      'PUT',
      '/__admin/data',
      'dn: DC=abc,DC=corp\nobjectClass: domain\n\ndn: CN=x,DC=abc,DC=corp\ncn:: =====\n',
    ],
  ],
  exchange: [
    ['GET', '/__admin/oab'],
    ['PUT', '/__admin/oab/schedule', { profile: 'exchange2013' }],
    ['POST', '/__admin/recipients', { entries: [{ dn: 'CN=x,DC=xyz,DC=corp', attributes: {} }] }],
    ['DELETE', '/__admin/recipients?dn=CN%3Dnobody'],
  ],
  'lync-online': [['PUT', '/__admin/followers', { 'sip:nobody@xyz.corp': 1 }]],
  edge: [
    ['PUT', '/__admin/registry', { SendTrustedIssuerList: 1 }],
    ['PUT', '/__admin/roots', { roots: ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'] }],
    ['GET', '/__admin/status'],
  ],
  'lync-fe': [['PUT', '/__admin/data', { chainPem: 'x', registrar: { certPem: 'x', keyPem: 'x' } }]],
};
const CLOCK_VALUES = [-1, 0, 1e15, 8.64e15, 1e308, '1000', null];
const TIMES = [
  '',
  'not a time',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  '2014-02-30T25:61:00Z',
];

const AUTH = (rng: Rng): Array<[string, string]> =>
  rng.weighted<Array<[string, string]>>([
    [4, [['Authorization', `Bearer ${TOKEN_PLACEHOLDER}`]]],
    [3, []],
    [
      1,
      [
        [
          'Authorization',
          rng.pick([
            'Bearer',
            'Bearer wrong',
            `Bearer  ${TOKEN_PLACEHOLDER} `,
            `bearer ${TOKEN_PLACEHOLDER}`,
            'Basic YTpi',
            `Bearer ${TOKEN_PLACEHOLDER}x`,
          ]),
        ],
      ],
    ],
    [
      1,
      [
        ['Authorization', `Bearer ${TOKEN_PLACEHOLDER}`],
        ['Authorization', 'Bearer wrong'],
      ],
    ],
  ]);

/** One admin-API input to one of the five services: a route with an odd body, method, auth or framing. */
export function adminInput(rng: Rng): FuzzInput {
  const service = rng.pick(ADMIN_SERVICES);
  const [method, path, template] = rng.pick([...COMMON, ...OWN[service]]);
  let body: Buffer = Buffer.from(
    typeof template === 'string' ? template : template ? JSON.stringify(template) : '',
  );
  const label = [path.replace(/\?.*/, '').replace('/__admin/', ''), method];
  if (typeof template === 'object' && rng.chance(0.6)) {
    const special = path.includes('clock') && rng.chance(0.4);
    const mutated = special ? clockBody(rng, path) : mutateJson(rng, template);
    body = mutated.body;
    label.push(mutated.mutation);
  }
  const r = request(
    rng.chance(0.1) ? rng.pick(['GET', 'POST', 'PATCH', 'HEAD']) : method,
    path,
    [['Content-Type', 'application/json'], ...AUTH(rng)],
    body,
  );
  if (rng.chance(0.3)) label.push(mutateFraming(rng, r, path));
  return { target: service, label: label.join(' '), bytes: serialize(r) };
}

function clockBody(rng: Rng, path: string): { body: Buffer; mutation: string } {
  const body = path.endsWith('advance') ? { ms: rng.pick(CLOCK_VALUES) } : { now: rng.pick(TIMES) };
  return { body: Buffer.from(JSON.stringify(body)), mutation: 'clock-extreme' };
}

/** The bytes with the placeholder replaced by the run's admin token. */
export function withToken(bytes: Buffer, token = adminToken()): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(TOKEN_PLACEHOLDER); at >= 0; at = bytes.indexOf(TOKEN_PLACEHOLDER, from)) {
    parts.push(bytes.subarray(from, at), Buffer.from(token));
    from = at + TOKEN_PLACEHOLDER.length;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}
