import { mutateBytes } from './byte-mutator';
import type { Rng } from './random';

type XmlMutation = (rng: Rng, xml: string) => string | Buffer;

const afterDeclaration = (xml: string, insert: string) =>
  xml.replace(/^(<\?xml[^>]*\?>)?/, (d) => d + insert);
const inside = (xml: string, tag: string, text: string) =>
  xml.replace(new RegExp(`(<[^>]*${tag}[^>]*>)[^<]*`), `$1${text}`);
const at = (rng: Rng, xml: string) => xml.indexOf('<', rng.int(xml.length));

/** Ways XML bodies go wrong: DTDs and entities, depth, size, broken structure, encodings, stray bytes. */
export const XML_MUTATIONS: Record<string, XmlMutation> = {
  'entity-expansion': (_rng, xml) =>
    afterDeclaration(
      xml,
      `<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`,
    ).replace(/(<[^>]*UnresolvedEntry>|<EMailAddress>|<a:Mailbox>)/, '$1&b;&b;&b;'),
  'external-entity': (_rng, xml) =>
    afterDeclaration(xml, `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>`),
  'doctype-lowercase': (_rng, xml) => afterDeclaration(xml, '<!doctype r>'),
  'deep-nesting': (rng, xml) => {
    const depth = rng.pick([1000, 20_000, 140_000]);
    return inside(
      xml,
      rng.pick(['UnresolvedEntry', 'EMailAddress', 'Mailbox']),
      `${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`,
    );
  },
  'cut-short': (rng, xml) => xml.slice(0, rng.int(xml.length)),
  'tag-mismatch': (_rng, xml) => xml.replace(/<\/([^>]+)>/, '</$1x>'),
  'unknown-entity': (rng, xml) =>
    inside(
      xml,
      rng.pick(['UnresolvedEntry', 'EMailAddress']),
      rng.pick(['&nope;', '&#0;', '&#xD800;', '&#x110000;', '&#99999999999;', '&']),
    ),
  'many-attributes': (rng, xml) =>
    xml.replace(
      /<([a-zA-Z:]+) /,
      (m) => `${m}${Array.from({ length: rng.pick([100, 10_000]) }, (_, i) => `a${i}="v" `).join('')}`,
    ),
  'duplicate-attribute': (_rng, xml) => xml.replace(/<([a-zA-Z:]+) /, '<$1 x="1" x="2" '),
  'huge-text': (rng, xml) =>
    inside(
      xml,
      rng.pick(['UnresolvedEntry', 'EMailAddress', 'Mailbox']),
      'a'.repeat(rng.pick([10_000, 999_000, 1_500_000])),
    ),
  'many-elements': (rng, xml) =>
    xml.replace(/(<m:UnresolvedEntry>[^<]*<\/m:UnresolvedEntry>|<a:Setting>[^<]*<\/a:Setting>)/, (m) =>
      m.repeat(rng.pick([2, 1000, 50_000])),
    ),
  'wrong-namespace': (_rng, xml) => xml.replace(/xmlns(:\w+)?="[^"]*"/, 'xmlns$1="urn:wrong"'),
  'no-namespace': (_rng, xml) => xml.replace(/ xmlns(:\w+)?="[^"]*"/g, ''),
  cdata: (_rng, xml) => xml.replace(/(<[^>]*UnresolvedEntry>|<EMailAddress>)/, '$1<![CDATA[</x>]]>'),
  'comment-and-pi': (rng, xml) => {
    const i = at(rng, xml);
    return `${xml.slice(0, i)}<!-- -- --><?pi x?>${xml.slice(i)}`;
  },
  'declared-utf16': (_rng, xml) => xml.replace('encoding="utf-8"', 'encoding="utf-16"'),
  'utf16-body': (rng, xml) =>
    Buffer.concat([Buffer.from(rng.chance(0.5) ? [0xff, 0xfe] : []), Buffer.from(xml, 'utf16le')]),
  'overlong-utf8': (rng, xml) => {
    const i = at(rng, xml);
    return Buffer.concat([
      Buffer.from(xml.slice(0, i)),
      Buffer.from(
        rng.pick([
          [0xc0, 0xbc],
          [0xe0, 0x80, 0xbc],
          [0xf0, 0x80, 0x80, 0xbc],
          [0xc0, 0x80],
        ]),
      ),
      Buffer.from(xml.slice(i + 1)),
    ]);
  },
  'invalid-utf8': (rng, xml) => {
    const i = xml.indexOf('</', rng.int(xml.length));
    return Buffer.concat([
      Buffer.from(xml.slice(0, i)),
      Buffer.from(
        rng.pick([[0xff], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80, 0x80], [0xe2, 0x82]]),
      ),
      Buffer.from(xml.slice(i)),
    ]);
  },
  'nul-bytes': (rng, xml) => {
    const i = rng.int(xml.length);
    return `${xml.slice(0, i)}\0${xml.slice(i)}`;
  },
  'bom-then-space': (_rng, xml) => `\ufeff  \n${xml}`,
  'two-roots': (_rng, xml) => `${xml}${xml.replace(/^<\?xml[^>]*\?>/, '')}`,
  'not-xml': (rng, _xml) => rng.pick(['', '{"json": true}', 'a=b&c=d', '<', '<<<>>>', '\u0000\u0001']),
  bytes: (rng, xml) => mutateBytes(rng, Buffer.from(xml), 6),
};
const NAMES = Object.keys(XML_MUTATIONS);

export function mutateXml(rng: Rng, xml: string): { body: Buffer; mutation: string } {
  const mutation = rng.pick(NAMES);
  const out = XML_MUTATIONS[mutation](rng, xml);
  return { body: typeof out === 'string' ? Buffer.from(out, 'utf8') : out, mutation };
}
