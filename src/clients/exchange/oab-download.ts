import { header, httpCall } from '../../util/http-call';
import { basicAuth, type Credentials, list, pick, readXml, text } from './http';

export interface OabManifestEntry {
  oalId: string;
  sequence: number;
  file: string;
  size: number;
  uncompressedSize: number;
  sha1: string;
}

export type ManifestResult =
  | { status: 200; etag?: string; full: OabManifestEntry; diffs: OabManifestEntry[] }
  | { status: 304; etag?: string }
  | { status: number; error: string };

/** GET oab.xml, conditionally on the ETag of the last manifest seen (304: nothing changed). */
export async function fetchManifest(
  oabUrl: string,
  credentials: Credentials,
  etag?: string,
): Promise<ManifestResult> {
  const headers: Record<string, string> = { authorization: basicAuth(credentials) };
  if (etag) headers['if-none-match'] = etag;
  const response = await httpCall(new URL('oab.xml', oabUrl), { headers });
  const newTag = header(response, 'etag');
  if (response.status === 304) return { status: 304, etag: newTag ?? etag };
  if (response.status !== 200) return { status: response.status, error: response.text() };
  const oal = pick(readXml(response.text()), 'OAB', 'OAL') as Record<string, unknown> | undefined;
  const full = pick(oal, 'Full') as Record<string, unknown> | undefined;
  if (!full) return { status: 502, error: 'oab.xml names no Full details file' };
  const oalId = String(oal?.['@id'] ?? 'default');
  const diffs = list(pick(oal, 'Diff')) as Array<Record<string, unknown>>;
  return {
    status: 200,
    etag: newTag,
    full: entry(oalId, full),
    diffs: diffs.map((d) => entry(oalId, d)).sort((a, b) => a.sequence - b.sequence),
  };
}

/** A <Full> or <Diff> element of oab.xml ([MS-OXWOAB]): sequence, sizes, SHA-1 and the file name. */
function entry(oalId: string, e: Record<string, unknown>): OabManifestEntry {
  return {
    oalId,
    sequence: Number(e['@seq']),
    file: (text(e) ?? '').trim(),
    size: Number(e['@size']),
    uncompressedSize: Number(e['@uncompressedsize']),
    sha1: String(e['@SHA']),
  };
}

export async function downloadFile(oabUrl: string, name: string, credentials: Credentials): Promise<Buffer> {
  const response = await httpCall(new URL(name, oabUrl), {
    headers: { authorization: basicAuth(credentials) },
  });
  if (response.status !== 200) throw new Error(`[client:oab] GET ${name} answered ${response.status}`);
  return response.body;
}
