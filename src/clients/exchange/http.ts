import { XMLParser } from 'fast-xml-parser';
import { header, httpCall } from '../../util/http-call';

/** A signed-in client's credentials: Lync passes its sign-in address, Outlook the user's UPN or mail. */
export interface Credentials {
  login: string;
  password: string;
}

export function basicAuth(c: Credentials): string {
  return `Basic ${Buffer.from(`${c.login}:${c.password}`, 'utf8').toString('base64')}`;
}

export async function postXml(
  url: string,
  body: string,
  credentials: Credentials,
  extra: Record<string, string> = {},
) {
  const response = await httpCall(url, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', authorization: basicAuth(credentials), ...extra },
    body,
  });
  return {
    status: response.status,
    text: response.text(),
    challenge: header(response, 'www-authenticate') ?? null,
  };
}

/** How the clients parse answers; a client may add `stopNodes` to leave subtrees it does not read as text. */
export const XML_OPTIONS = {
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  processEntities: true,
} as const;

const parser = new XMLParser(XML_OPTIONS);

/** Parses an answer into plain objects (namespace prefixes dropped: the client only reads it). */
export function readXml(text: string): Record<string, unknown> {
  return parser.parse(text) as Record<string, unknown>;
}

/** Follows a path of element names; arrays are flattened to their first item unless `all`. */
export function pick(node: unknown, ...path: string[]): unknown {
  let at: unknown = node;
  for (const step of path) {
    if (Array.isArray(at)) at = at[0];
    at = (at as Record<string, unknown> | undefined)?.[step];
  }
  return at;
}

export function list(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object') return text((value as Record<string, unknown>)['#text']);
  return String(value);
}
