import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A namespace-resolved XML element: `ns` is the namespace URI, `name` the local name. */
export interface XmlElement {
  ns: string;
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** XML the mock refuses to read: a DTD, an entity declaration, or text that is not well-formed. */
export class XmlRejected extends Error {}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

/** The longest request text the mock parses, in UTF-16 units (what `string.length` counts). */
export const MAX_XML_CHARS = 1_000_000;

/**
 * Bytes of a request body that always decode to more than MAX_XML_CHARS units when the body has more
 * (UTF-8 spends at most 3 bytes on one unit): all a server needs to keep of a longer body.
 */
export const XML_BYTES_TO_KEEP = 3 * MAX_XML_CHARS + 3;

/**
 * Parses a request body. SOAP forbids DTDs, so any `<!DOCTYPE` or `<!ENTITY` is refused before
 * parsing: entities are never expanded, external ones never fetched.
 */
export function parseXml(text: string): XmlElement {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new XmlRejected('DTDs and entity declarations are not allowed');
  if (text.length > MAX_XML_CHARS)
    throw new XmlRejected(`the request is too large (more than ${MAX_XML_CHARS} characters)`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlRejected(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const nodes = parser.parse(text) as RawNode[];
  const root = nodes.map((n) => toElement(n, {})).find((e): e is XmlElement => e !== undefined);
  if (!root) throw new XmlRejected('the document has no root element');
  return root;
}

type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toElement(node: RawNode, scope: Record<string, string>): XmlElement | undefined {
  const qname = Object.keys(node).find((k) => k !== ':@');
  if (!qname || qname === '#text' || qname.startsWith('?')) return undefined;
  const attrs = node[':@'] ?? {};
  const inner: Record<string, string> = { ...scope };
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'xmlns') inner[''] = v;
    else if (k.startsWith('xmlns:')) inner[k.slice(6)] = v;
  }
  const [prefix, local] = qname.includes(':') ? qname.split(':', 2) : ['', qname];
  const raw = (node[qname] as RawNode[]) ?? [];
  const children = raw.map((c) => toElement(c, inner)).filter((e): e is XmlElement => e !== undefined);
  const text = raw
    .filter((c) => '#text' in c)
    .map((c) => unescapeXml(String(c['#text'])))
    .join('');
  const plainAttrs = Object.fromEntries(Object.entries(attrs).filter(([k]) => !k.startsWith('xmlns')));
  return { ns: inner[prefix] ?? '', name: local, attrs: plainAttrs, children, text };
}

/** The first descendant path `ns:name/ns:name/...`, each step matching namespace URI and local name. */
export function find(root: XmlElement | undefined, ...path: Array<[string, string]>): XmlElement | undefined {
  let at = root;
  for (const [ns, name] of path) {
    at = at?.children.find((c) => c.ns === ns && c.name === name);
    if (!at) return undefined;
  }
  return at;
}

export function findAll(root: XmlElement | undefined, ns: string, name: string): XmlElement[] {
  return root?.children.filter((c) => c.ns === ns && c.name === name) ?? [];
}

export function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function unescapeXml(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e]) return named[e];
    return String.fromCodePoint(
      e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
    );
  });
}
