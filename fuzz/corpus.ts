import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuzzInput } from './input';
import type { ProtocolName } from './protocol';

/** The regression corpus: `fuzz/corpus/<protocol>/<target>--<what>--<hash>.bin`, replayed by corpus.test.ts. */
export const CORPUS_DIR = join(__dirname, 'corpus');

export interface CorpusFile {
  protocol: ProtocolName;
  name: string;
  path: string;
  input: FuzzInput;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** The file name an input is kept under: where it goes, what made it, and a hash so names never clash. */
export function corpusName(input: FuzzInput, hashed = true): string {
  const hash = createHash('sha256').update(input.bytes).digest('hex').slice(0, 8);
  return `${input.target}--${slug(input.label)}${hashed ? `--${hash}` : ''}.bin`;
}

/** Writes `input` under `dir/<protocol>/` unless the same bytes are already there; returns the path. */
export function writeCorpusFile(
  dir: string,
  protocol: ProtocolName,
  input: FuzzInput,
  name = corpusName(input),
) {
  const folder = join(dir, protocol);
  mkdirSync(folder, { recursive: true });
  const same = readdirSync(folder).find((f) => readFileSync(join(folder, f)).equals(input.bytes));
  if (same) return join(folder, same);
  const path = join(folder, name);
  if (!existsSync(path)) writeFileSync(path, input.bytes);
  return path;
}

/** Every corpus file, with the input it replays (target from the name, bytes as stored). */
export function readCorpus(dir = CORPUS_DIR): CorpusFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(dir, d.name))
        .filter((f) => f.endsWith('.bin'))
        .sort()
        .map((name) => {
          const path = join(dir, d.name, name);
          const [target, label] = name.replace(/\.bin$/, '').split('--');
          return {
            protocol: d.name as ProtocolName,
            name,
            path,
            input: { target, label: label ?? name, bytes: readFileSync(path) },
          };
        }),
    );
}
