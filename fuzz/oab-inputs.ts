import { OAB_GUID, OAL_GUID } from '../mocks/exchange/oab-store';
import { mutateFraming } from './http-framing';
import { basicAuth, request, serialize } from './http-request';
import type { FuzzInput } from './input';
import type { Rng } from './random';
import { EXCHANGE_LOGIN } from './seeds';

const NAMES = (rng: Rng): string =>
  rng.pick([
    'oab.xml',
    'OAB.XML',
    `${OAL_GUID}-data-${rng.int(4)}.lzx`,
    `${OAL_GUID.toUpperCase()}-DATA-1.LZX`,
    `${OAL_GUID}-binpatch-${rng.int(4)}.lzx`,
    `${OAL_GUID.toUpperCase()}-BINPATCH-2.LZX`,
    `${OAL_GUID}-binpatch-${rng.pick(['-1', '0', '99999999999999999999', ''])}.lzx`,
    `${OAL_GUID}-data-${rng.pick(['-1', '99999999999999999999', '1e3', '0x1', ''])}.lzx`,
    'udetails.oab',
    '..%2f..%2fetc%2fpasswd',
    '%2e%2e',
    '..',
    '.',
    '',
    'oab.xml%00.lzx',
    'oab.xml;.lzx',
    'oab.xml/',
    `oab.xml?${'a'.repeat(rng.pick([10, 10_000]))}`,
    'x'.repeat(rng.pick([255, 4096, 70_000])),
    '%ff%fe',
    '%c0%ae%c0%ae',
    '\u00e9t\u00e9.xml',
    'oab.xml#x',
  ]);

const PATHS = (rng: Rng, name: string): string =>
  rng.pick([
    `/OAB/${OAB_GUID}/${name}`,
    `/oab/${OAB_GUID.toUpperCase()}/${name}`,
    `/OAB/${OAB_GUID}//${name}`,
    `/OAB//${name}`,
    `/OAB/${name}`,
    `/OAB/${OAB_GUID}/../${OAB_GUID}/${name}`,
    `/OAB/${OAB_GUID}/${name}/extra`,
    `/OAB/00000000-0000-0000-0000-000000000000/${name}`,
    `/OAB/${OAB_GUID}%2f${name}`,
  ]);

const HEADERS = (rng: Rng): Array<[string, string]> =>
  rng.pick<Array<[string, string]>>([
    [],
    [
      [
        'If-None-Match',
        rng.pick(['*', '"1-0000000000000000"', '', '"', 'W/"x"', '"a", "b"', `"${'x'.repeat(10_000)}"`]),
      ],
    ],
    [
      [
        'Range',
        rng.pick([
          'bytes=0-10',
          'bytes=-1',
          'bytes=999999999-',
          `bytes=${'0-0,'.repeat(1000)}0-0`,
          'bytes=5-1',
          'lines=1-2',
        ]),
      ],
    ],
    [['If-Modified-Since', rng.pick(['Thu, 01 Jan 1970 00:00:00 GMT', 'not a date', ''])]],
    [['Accept-Encoding', rng.pick(['gzip, deflate, br', 'identity;q=0', '*;q=0'])]],
    [['X-MS-Version', rng.pick(['', '15', 'x'])]],
  ]);

/** One OAB input: the manifest, a Full details file, or a path around them, with odd names and headers. */
export function oabInput(rng: Rng): FuzzInput {
  const name = NAMES(rng);
  const path = PATHS(rng, name);
  const login = rng.chance(0.85)
    ? basicAuth(EXCHANGE_LOGIN.user, EXCHANGE_LOGIN.password)
    : rng.pick(['Basic', basicAuth('x', 'y')]);
  const method = rng.weighted([
    [8, 'GET'],
    [1, 'HEAD'],
    [1, rng.pick(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PROPFIND'])],
  ] as const);
  const r = request(method, path, [['Authorization', login], ...HEADERS(rng)]);
  const label = [
    name.length > 40 ? 'long-name' : name.replace(OAL_GUID, 'oal').replace(OAL_GUID.toUpperCase(), 'OAL'),
    method,
  ];
  if (rng.chance(0.25)) label.push(mutateFraming(rng, r, path));
  return { target: 'exchange', label: label.join(' '), bytes: serialize(r) };
}
