import { HttpResponse, http } from 'msw';
import { exchangeResolver } from './basic-auth';
import { OAB_GUID, OAL_GUID, OAL_NAME, type OabGeneration } from './oab-store';
import type { ExchangeState } from './state';
import { escapeXml } from './xml';

/** The OAB virtual directory: `oab.xml` (the OAB v4 manifest) and the Full details file it names. */
export function oabVirtualDirectory(state: ExchangeState) {
  const base = new RegExp(`/oab/${OAB_GUID}/([^/]+)$`, 'i');
  const fileOf = (url: URL) => base.exec(url.pathname)![1];
  const operation = (_request: Request, url: URL) =>
    fileOf(url).toLowerCase() === 'oab.xml' ? 'oab.manifest' : 'oab.download';
  return http.get(
    base,
    exchangeResolver(state, 'outlook.office365.com')(operation, ({ request, url, operation, caller }) => {
      const published = state.oab.published;
      return operation === 'oab.manifest'
        ? manifest(state, published, request, caller.smtp)
        : download(state, published, fileOf(url), caller.smtp);
    }),
  );
}

function manifest(state: ExchangeState, published: OabGeneration, request: Request, caller: string) {
  const { size, uncompressedSize, sha1 } = published.build();
  const etag = `"${published.sequence}-${sha1.slice(0, 16)}"`;
  const notModified = request.headers.get('if-none-match') === etag;
  state.record({
    operation: 'oab.manifest',
    request: { caller, ifNoneMatch: request.headers.get('if-none-match') ?? undefined },
    outcome: { status: notModified ? 304 : 200, sequence: published.sequence },
  });
  if (notModified) return new HttpResponse(null, { status: 304, headers: { ETag: etag } });
  const diffs = state.oab
    .servedPatches(state.clock.millis(), state.mechanism.values.diffRetentionDays)
    .map((g) => {
      const patch = g.buildPatch(state.mechanism.values.diffsFromWrongBase)!;
      return (
        `<Diff seq="${g.sequence}" ver="32" size="${patch.size}" uncompressedsize="${patch.uncompressedSize}" SHA="${patch.sha1}">` +
        `${g.patchName}</Diff>`
      );
    });
  const body =
    `<?xml version="1.0" encoding="utf-8"?><OAB>` +
    `<OAL id="${OAL_GUID}" dn="/" name="${escapeXml(OAL_NAME)}">` +
    `<Full seq="${published.sequence}" ver="32" size="${size}" uncompressedsize="${uncompressedSize}" SHA="${sha1}">` +
    `${published.fileName}</Full>${diffs.join('')}</OAL></OAB>`;
  return new HttpResponse(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/xml; charset=utf-8',
      ETag: etag,
      'Last-Modified': new Date(state.oab.publishedAt).toUTCString(),
    },
  });
}

function download(state: ExchangeState, published: OabGeneration, name: string, caller: string) {
  const diff = state.oab
    .servedPatches(state.clock.millis(), state.mechanism.values.diffRetentionDays)
    .find((g) => g.patchName.toLowerCase() === name.toLowerCase());
  if (diff) return downloadPatch(state, diff, caller);
  if (name.toLowerCase() !== published.fileName.toLowerCase()) {
    state.record({ operation: 'oab.download', request: { caller, file: name }, outcome: { status: 404 } });
    return new HttpResponse(`The OAB file ${name} is not on this virtual directory.`, { status: 404 });
  }
  const file = published.build();
  state.record({
    operation: 'oab.download',
    request: { caller, file: name },
    outcome: {
      status: 200,
      kind: 'full',
      sequence: published.sequence,
      bytes: file.size,
      records: published.recordCount,
    },
  });
  return new HttpResponse(streamOf(file.chunks()), {
    status: 200,
    headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(file.size) },
  });
}

function downloadPatch(state: ExchangeState, generation: OabGeneration, caller: string) {
  const patch = generation.buildPatch(state.mechanism.values.diffsFromWrongBase)!;
  state.record({
    operation: 'oab.download',
    request: { caller, file: generation.patchName },
    outcome: { status: 200, kind: 'diff', sequence: generation.sequence, bytes: patch.size },
  });
  return new HttpResponse(new Uint8Array(patch.bytes.buffer, patch.bytes.byteOffset, patch.bytes.length), {
    status: 200,
    headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(patch.size) },
  });
}

/** A byte stream read from `chunks` as the client takes it (views of the encoded records, no copies). */
function streamOf(chunks: Generator<Buffer>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.length));
    },
    cancel() {
      chunks.return(undefined);
    },
  });
}
