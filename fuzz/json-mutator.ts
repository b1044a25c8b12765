import { mutateBytes } from './byte-mutator';
import type { Rng } from './random';

const ODD_VALUES: unknown[] = [
  null,
  true,
  -1,
  0,
  1e308,
  -1e308,
  2 ** 53 + 1,
  '',
  ' ',
  'x'.repeat(10_000),
  '\u0000',
  '\ud800',
  [],
  {},
  [[[[[]]]]],
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  '1970-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  'NaN',
  'sip:',
  'sip:pat.kim@xyz.corp',
];

/** A JSON body made wrong: odd values for its fields, extra or missing fields, deep arrays, broken text. */
export function mutateJson(rng: Rng, value: Record<string, unknown>): { body: Buffer; mutation: string } {
  const copy: Record<string, unknown> = JSON.parse(JSON.stringify(value));
  const keys = Object.keys(copy);
  const mutation = rng.pick([
    'odd-value',
    'extra-field',
    'missing-field',
    'deep',
    'wide',
    'text',
    'not-object',
    'proto',
  ]);
  if (mutation === 'odd-value' && keys.length) copy[rng.pick(keys)] = rng.pick(ODD_VALUES);
  else if (mutation === 'extra-field')
    copy[rng.pick(['x', '', 'constructor', 'toString'])] = rng.pick(ODD_VALUES);
  else if (mutation === 'missing-field' && keys.length) delete copy[rng.pick(keys)];
  else if (mutation === 'deep')
    return { body: Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), mutation };
  else if (mutation === 'wide' && keys.length)
    copy[rng.pick(keys)] = Array.from({ length: 100_000 }, (_, i) => `sip:u${i}@x`);
  else if (mutation === 'text')
    return { body: mutateBytes(rng, Buffer.from(JSON.stringify(copy))), mutation };
  else if (mutation === 'not-object')
    return { body: Buffer.from(rng.pick(['[]', '"s"', '1', 'null', '', '{'])), mutation };
  else if (mutation === 'proto')
    return {
      body: Buffer.from('{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}'),
      mutation,
    };
  return { body: Buffer.from(JSON.stringify(copy)), mutation };
}
