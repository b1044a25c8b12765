import { OabFormatError, type OabLayout, readLayout } from './oab-decoder';
import type { OabManifestEntry } from './oab-download';
import { applyOabPatch, OabPatchMismatch } from './oab-patch-reader';

/**
 * How Outlook brings the OAB it has to the newest with the differential files of oab.xml
 * ([MS-OXOAB] §2.10, [MS-OXWOAB]): one file per sequence after its own, applied in order. Every
 * answer that is not a new OAB is the reason Outlook downloads the Full file instead.
 */
export type ChainResult =
  | { ok: true; details: Buffer; decoded: OabLayout; files: string[] }
  | { ok: false; why: string; files: string[] };

/** The files from `from` to the manifest's sequence, or why they are not all there. */
export function diffChain(
  from: number,
  manifest: { full: OabManifestEntry; diffs: OabManifestEntry[] },
): OabManifestEntry[] | string {
  const chain: OabManifestEntry[] = [];
  for (let sequence = from + 1; sequence <= manifest.full.sequence; sequence++) {
    const diff = manifest.diffs.find((d) => d.sequence === sequence);
    if (!diff) return `no differential file for sequence ${sequence} on the server`;
    chain.push(diff);
  }
  return chain;
}

/** Applies each file of `chain` (as `fetch` gets it, checked against oab.xml) to `details`, in order. */
export async function applyDiffChain(
  details: Buffer,
  chain: OabManifestEntry[],
  target: number,
  fetch: (entry: OabManifestEntry) => Promise<Buffer | string>,
): Promise<ChainResult> {
  const files: string[] = [];
  let current = details;
  try {
    for (const diff of chain) {
      const patch = await fetch(diff);
      files.push(diff.file);
      if (typeof patch === 'string') return { ok: false, files, why: patch };
      current = applyOabPatch(patch, current);
    }
    const decoded = readLayout(current);
    if (decoded.serial !== target)
      return { ok: false, files, why: `the patched OAB has sequence ${decoded.serial}, not ${target}` };
    return { ok: true, details: current, decoded, files };
  } catch (error) {
    if (!(error instanceof OabPatchMismatch || error instanceof OabFormatError)) throw error;
    return { ok: false, files, why: `${files.at(-1) ?? 'the patched OAB'}: ${error.message}` };
  }
}
