import { writeLdif } from '../src/tenant/ldif-writer';
import { buildSampleTenant } from '../src/tenant/sample';
import { mutateBytes } from './byte-mutator';
import type { FuzzInput } from './input';
import type { Rng } from './random';

let base: string[] | undefined;
/** A small export of the sample's ABC forest (domain head, OUs, people, groups), as lines. */
function baseLines(): string[] {
  base ??= writeLdif(buildSampleTenant().forests[0].entries.slice(0, 14)).split('\n');
  return base;
}

const TRICKY_LINES = [
  'dn::',
  'dn: ',
  'dn:: ====',
  'dn: CN=a\\,DC=abc,DC=corp',
  'dn: CN=\\',
  'dn: CN="unterminated,DC=abc,DC=corp',
  'dn: CN=\\ff\\fe,DC=abc,DC=corp',
  ' continued',
  '\tcontinued',
  '-',
  'changetype: modify',
  'changetype: modrdn',
  'changetype: delete',
  'changetype: moddn',
  'changetype: nonsense',
  'add: member',
  'replace: cn',
  'delete: x',
  'newrdn: CN=x',
  'deleteoldrdn: 2',
  'newsuperior: ',
  'member;range=1500-*: CN=x,DC=abc,DC=corp',
  'member;range=9-1: CN=x',
  'member;range=0-99999999999999999999: x',
  'member;range=*-*: x',
  'member;;: x',
  'objectGUID:: AAAA',
  'objectGUID:: !!!!',
  'cn;binary:: AA==',
  'photo:< file:///etc/passwd',
  'x:',
  ':',
  '::',
  ': value',
  '1.2.3: x',
  '1..2: x',
  'a b: c',
  'version: 2',
  'version: 1',
  '# comment',
  'search: 2',
  'result: 0 Success',
  'result: 32 No such object',
  'ref: ldap://x/',
  `description: ${'x'.repeat(100_000)}`,
  'cn: \u0007bell',
  'cn: a\rb',
  'cn: \u0000',
  'cn:: 4pyTIMOgIGxhIG1vZGU=',
  'cn:: /w==',
  'cn: é\u202e',
  `${'a'.repeat(5000)}: b`,
];

type Mutation = (rng: Rng, lines: string[]) => string[] | Buffer;
const randomLine = (rng: Rng, lines: string[]) => rng.int(lines.length);

/** Line-level and byte-level ways an export goes wrong (each keeps the rest of the file as exported). */
export const LDIF_MUTATIONS: Record<string, Mutation> = {
  'tricky-line': (rng, lines) => {
    const out = [...lines];
    out.splice(randomLine(rng, out), 0, rng.pick(TRICKY_LINES));
    return out;
  },
  'line-replaced': (rng, lines) => {
    const out = [...lines];
    out[randomLine(rng, out)] = rng.pick(TRICKY_LINES);
    return out;
  },
  'line-dropped': (rng, lines) => lines.filter(() => !rng.chance(0.1)),
  'lines-duplicated': (rng, lines) => {
    const at = randomLine(rng, lines);
    return [...lines.slice(0, at), ...lines.slice(at, at + rng.between(1, 8)), ...lines.slice(at)];
  },
  'folded-oddly': (rng, lines) =>
    lines.flatMap((l) => (l.length > 4 && rng.chance(0.3) ? [l.slice(0, 3), ` ${l.slice(3)}`] : [l])),
  'blank-lines-lost': (_rng, lines) => lines.filter((l) => l.trim() !== ''),
  'cut-short': (rng, lines) => Buffer.from(lines.join('\n')).subarray(0, rng.int(lines.join('\n').length)),
  bytes: (rng, lines) => mutateBytes(rng, Buffer.from(lines.join('\n')), 8),
  'invalid-utf8': (rng, lines) => {
    const text = Buffer.from(lines.join('\n'));
    const at = rng.int(text.length);
    const bad = Buffer.from(
      rng.pick([
        [0xff],
        [0xc0, 0xaf],
        [0xe0, 0x80, 0x80],
        [0xed, 0xa0, 0x80],
        [0xf4, 0x90, 0x80, 0x80],
        [0xc3],
      ]),
    );
    return Buffer.concat([text.subarray(0, at), bad, text.subarray(at)]);
  },
  'utf16-damaged': (rng, lines) => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]);
    const damage = rng.pick(['odd', 'surrogate', 'nul', 'be-mark']);
    if (damage === 'odd') return text.subarray(0, text.length - 1);
    if (damage === 'be-mark') return Buffer.concat([Buffer.from([0xfe, 0xff]), text.subarray(2)]);
    const at = 2 + 2 * rng.int((text.length - 2) >> 1);
    const unit = damage === 'surrogate' ? [0x00, 0xd8] : [0x00, 0x00];
    return Buffer.concat([text.subarray(0, at), Buffer.from(unit), text.subarray(at)]);
  },
  'lone-cr': (rng, lines) => {
    const out = [...lines];
    out[randomLine(rng, out)] += '\r';
    return out;
  },
};
const NAMES = Object.keys(LDIF_MUTATIONS);

/** Shapes of a valid export the mutations start from: LF or CRLF, BOM, version line, ldifde change records. */
function shaped(rng: Rng): { lines: string[]; shape: string } {
  let lines = [...baseLines()];
  const shape = rng.pick(['plain', 'crlf', 'bom', 'version', 'changetype', 'comments']);
  if (shape === 'version') lines = ['version: 1', '', ...lines];
  if (shape === 'changetype')
    lines = lines.flatMap((l) => (l.startsWith('dn:') ? [l, 'changetype: add'] : [l]));
  if (shape === 'comments') lines = lines.flatMap((l) => (rng.chance(0.1) ? ['# comment', l] : [l]));
  if (shape === 'crlf') lines = lines.map((l) => `${l}\r`);
  if (shape === 'bom') lines[0] = `\ufeff${lines[0]}`;
  return { lines, shape };
}

/** One LDIF input: a small export made wrong one or two ways. */
export function ldifInput(rng: Rng): FuzzInput {
  const { lines, shape } = shaped(rng);
  let current: string[] | Buffer = lines;
  const done: string[] = [];
  for (let i = rng.between(1, 2); i > 0 && !Buffer.isBuffer(current); i--) {
    const name = rng.pick(NAMES);
    current = LDIF_MUTATIONS[name](rng, current);
    done.push(name);
  }
  const bytes = Buffer.isBuffer(current) ? current : Buffer.from(current.join('\n'), 'utf8');
  return { target: 'reader', label: `${shape} ${done.join('+')}`, bytes };
}
