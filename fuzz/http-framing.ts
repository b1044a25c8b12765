import { mutateBytes } from './byte-mutator';
import type { HttpRequest } from './http-request';
import type { Rng } from './random';

const METHODS = [
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'HEAD',
  'OPTIONS',
  'TRACE',
  'CONNECT',
  'PATCH',
  'post',
  'PO ST',
  'X'.repeat(300),
  '',
  'GET\0',
];
const VERSIONS = ['HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'HTTP/1.1 extra', 'HTTP/1.10', 'HTTP/', 'http/1.1', ''];

/** Request targets a parser gets wrong: other forms (absolute, authority, `*`), bad escapes, overlong UTF-8. */
export function oddTarget(rng: Rng, path: string): string | Buffer {
  const overlongSlash = Buffer.from([0xc0, 0xaf]);
  return rng.pick<() => string | Buffer>([
    () => `http://127.0.0.1${path}`,
    () => `https://outlook.office365.com:443${path}?x=1`,
    () => '127.0.0.1:443',
    () => '*',
    () => '',
    () => `${path}%`,
    () => `${path}%zz%G0%%41`,
    () => `${path.replace(/\//g, '%2f')}`,
    () => `${path}%c0%af..%c0%af..%c0%afetc%c0%afpasswd`,
    () => Buffer.concat([Buffer.from(path), overlongSlash, Buffer.from([0xe0, 0x80, 0xae, 0xff, 0xfe])]),
    () => `${path}%00`,
    () => `/..${path}/../../..`,
    () => path.replace(/\//g, '\\'),
    () => `//${path}//`,
    () => `${path}?${'a=%ZZ&'.repeat(rng.between(1, 2000))}`,
    () => `/${'x'.repeat(rng.pick([1000, 10_000, 100_000]))}`,
    () => `${path}#fragment`,
    () => `${path} ${path}`,
    () => `${path}%ed%a0%80`,
    () => Buffer.from(`${path}/\u00e9\u202e\ufffd`, 'utf8'),
  ])();
}

/** Past the limits the services mean to keep: 4 MiB (admin), 30,000,000 bytes (IIS), 64 MiB (EWS). */
const BODY_SIZES: Array<[number, number]> = [
  [4, 256 * 1024],
  [3, 5 * 1024 * 1024],
  [2, 12 * 1024 * 1024],
  [1, 31 * 1000 * 1000],
  [1, 65 * 1024 * 1024],
];

type HeaderMutation = (rng: Rng, r: HttpRequest) => void;
const set = (r: HttpRequest, name: string, value: string | Buffer) => {
  r.headers = r.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  r.headers.push([name, value]);
};

/** Header and framing mistakes: lengths that lie, chunked bodies gone wrong, odd names, sizes and types. */
export const HEADER_MUTATIONS: Record<string, HeaderMutation> = {
  'content-length-over': (rng, r) =>
    set(r, 'Content-Length', String(r.body.length + rng.pick([1, 100, 1e6]))),
  'content-length-under': (rng, r) => set(r, 'Content-Length', String(rng.int(r.body.length + 1))),
  'content-length-odd': (rng, r) =>
    set(r, 'Content-Length', rng.pick(['-1', '1e3', '0x10', ' 12 ', '99999999999999999999', '', '1,2'])),
  'content-length-twice': (rng, r) => r.headers.push(['Content-Length', String(rng.int(50))]),
  chunked: (rng, r) => {
    r.headers = r.headers.filter(([n]) => n.toLowerCase() !== 'content-length');
    r.headers.push([
      'Transfer-Encoding',
      rng.pick(['chunked', 'Chunked', 'gzip, chunked', 'chunked, identity', 'xchunked']),
    ]);
    const size = rng.pick([
      r.body.length.toString(16),
      'ffffffffffffffff',
      '-1',
      'zz',
      `${r.body.length.toString(16)};ext=1`,
    ]);
    const tail = rng.pick(['\r\n0\r\n\r\n', '\r\n', '', '\r\n0\r\nX-Trailer: 1\r\n\r\n']);
    r.body = Buffer.concat([Buffer.from(`${size}\r\n`), r.body, Buffer.from(tail)]);
  },
  'chunked-and-length': (_rng, r) => {
    r.headers.push(['Transfer-Encoding', 'chunked']);
  },
  host: (rng, r) =>
    set(r, 'Host', rng.pick(['', 'a b', '[::1', 'x'.repeat(5000), '127.0.0.1:99999', 'évil'])),
  'no-host': (_rng, r) => {
    r.headers = r.headers.filter(([n]) => n.toLowerCase() !== 'host');
  },
  'content-type': (rng, r) =>
    set(
      r,
      'Content-Type',
      rng.pick([
        'text/xml; charset=utf-16',
        'application/soap+xml; charset=utf-8',
        'application/json',
        'multipart/form-data; boundary=',
        'text/xml; charset=bogus',
        '',
        ';;;',
        'text/xml; charset="',
        'application/x-www-form-urlencoded',
      ]),
    ),
  authorization: (rng, r) =>
    set(
      r,
      'Authorization',
      rng.pick([
        'Basic',
        'Basic !!!',
        'Basic Og==',
        `Basic ${Buffer.from('\u00ff\u00fe:\u0000').toString('base64')}`,
        'Bearer x',
        'Negotiate TlRMTVNTUAABAAAA',
        `Basic ${'A'.repeat(100_000)}`,
        'NTLM',
      ]),
    ),
  'many-headers': (rng, r) => {
    for (let i = rng.pick([100, 1000, 5000]); i > 0; i--) r.headers.push([`X-F${i}`, 'v']);
  },
  'huge-header': (rng, r) =>
    r.headers.push(['X-Big', 'v'.repeat(rng.pick([8 * 1024, 64 * 1024, 1024 * 1024]))]),
  'bad-header-line': (rng, r) =>
    r.headers.push(
      rng.pick<[string, string]>([
        ['No Colon', 'x'],
        ['X\0Nul', 'a'],
        ['X-Fold', 'a\r\n folded'],
        ['', 'empty'],
        ['X-Ctl', '\u0001\u007f'],
      ]),
    ),
  'bare-lf': (_rng, r) => {
    r.eol = '\n';
  },
  expect: (rng, r) => set(r, 'Expect', rng.pick(['100-continue', 'nonsense'])),
  upgrade: (_rng, r) => {
    r.headers.push(['Connection', 'Upgrade'], ['Upgrade', 'websocket']);
  },
  'body-large': (rng, r) => {
    r.body = Buffer.concat([r.body, Buffer.alloc(rng.weighted(BODY_SIZES), 0x20)]);
    set(r, 'Content-Length', String(r.body.length));
  },
};
const HEADER_NAMES = Object.keys(HEADER_MUTATIONS);

/** One change to the request line or the headers; returns its name. */
export function mutateFraming(rng: Rng, r: HttpRequest, path: string): string {
  const what = rng.weighted([
    [3, 'header'],
    [2, 'target'],
    [1, 'method'],
    [1, 'version'],
    [1, 'bytes'],
  ] as const);
  if (what === 'target') r.target = oddTarget(rng, path);
  else if (what === 'method') r.method = rng.pick(METHODS);
  else if (what === 'version') r.version = rng.pick(VERSIONS);
  else if (what === 'bytes') r.body = mutateBytes(rng, r.body.length ? r.body : Buffer.from(' '));
  else {
    const name = rng.pick(HEADER_NAMES);
    HEADER_MUTATIONS[name](rng, r);
    return name;
  }
  return what;
}
