import type { IncomingMessage } from 'node:http';

export type RequestTarget =
  | { form: 'url'; url: URL }
  | { form: 'asterisk' }
  | { form: 'bad'; reason: string };

/**
 * The request target (RFC 9112 §3.2) as the URL a handler routes on:
 * - origin-form `/path?query`, on this server's origin;
 * - absolute-form `http://host/path`, which names its own authority (it wins over Host, §3.2.2);
 * - `*`, meaningful to OPTIONS only;
 * anything else, and a path whose percent-encoding does not decode to UTF-8 (`%ZZ`, overlong
 * `%C0%AF`), is a bad request, as HTTP.sys answers it ("Bad Request - Invalid URL").
 */
export function requestTarget(req: IncomingMessage, scheme: 'http' | 'https'): RequestTarget {
  const raw = req.url ?? '';
  if (raw === '*') return { form: 'asterisk' };
  let url: URL;
  try {
    if (raw.startsWith('/')) url = new URL(`${scheme}://${origin(req)}${raw}`);
    else if (/^https?:\/\/[^/?#]/i.test(raw)) url = new URL(raw);
    else return { form: 'bad', reason: 'the request target is neither a path nor an http URL' };
  } catch {
    return { form: 'bad', reason: 'the request target is not a URL' };
  }
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return { form: 'bad', reason: 'the path is not valid percent-encoded UTF-8' };
  }
  return { form: 'url', url };
}

/** Host as the client sent it when it is a valid authority, else the address the request came in on. */
function origin(req: IncomingMessage): string {
  const host = req.headers.host;
  if (host && /^[A-Za-z0-9.\-[\]:]+$/.test(host)) return host;
  const { localAddress, localPort } = req.socket;
  return `${localAddress?.includes(':') ? `[${localAddress}]` : localAddress}:${localPort}`;
}
