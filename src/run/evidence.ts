import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EvidenceRef {
  sha256: string;
  /** Path relative to the run folder. */
  file: string;
  bytes: number;
}

/** Stores large evidence as files named by their SHA-256 under `<run>/evidence/`, so reports stay small. */
export function storeEvidence(outDir: string, content: string | Uint8Array, extension = 'json'): EvidenceRef {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = join('evidence', `${sha256}.${extension}`);
  mkdirSync(join(outDir, 'evidence'), { recursive: true });
  writeFileSync(join(outDir, file), bytes);
  return { sha256, file, bytes: bytes.length };
}
