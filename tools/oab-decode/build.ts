import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOURCE = join(__dirname, 'oab-decode.c');

/**
 * Builds the libmspack OAB decoder wrapper with gcc (once per source version) and returns the
 * binary's path. Throws, naming the missing Debian package, when gcc or libmspack-dev is absent.
 */
export function buildOabDecode(): string {
  const source = readFileSync(SOURCE);
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), 'lync-harness-tools');
  const binary = join(dir, `oab-decode-${hash}`);
  if (existsSync(binary)) return binary;
  if (!existsSync('/usr/include/mspack.h'))
    throw new Error('[tools:oab-decode] /usr/include/mspack.h is missing: apt-get install libmspack-dev gcc');
  mkdirSync(dir, { recursive: true });
  execFileSync('gcc', ['-O2', '-Wall', '-o', binary, SOURCE, '-lmspack'], { stdio: 'pipe' });
  return binary;
}

/** Decodes an OAB LZX file with libmspack; returns the uncompressed details file. */
export function decodeWithLibmspack(lzxPath: string, outPath: string): Buffer {
  execFileSync(buildOabDecode(), [lzxPath, outPath], { stdio: 'pipe' });
  return readFileSync(outPath);
}

/**
 * Applies an OAB differential patch to `basePath` with libmspack's decompress_incremental; returns
 * the new details file, or throws with libmspack's message (a checksum mismatch for a wrong base).
 */
export function patchWithLibmspack(patchPath: string, basePath: string, outPath: string): Buffer {
  try {
    execFileSync(buildOabDecode(), [patchPath, basePath, outPath], { stdio: 'pipe' });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new Error(stderr || String(error));
  }
  return readFileSync(outPath);
}
