import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const PROJECT = join(__dirname, '..', '..');
const BUILDS = join(PROJECT, '.tmp', 'mock-program');

let program: string | undefined;

/**
 * The mock code compiled to JavaScript, as the mock image holds it, for mock processes on this host:
 * a process then starts in a fraction of a second instead of loading the TypeScript compiler. Built
 * once per set of inputs under .tmp/mock-program/<hash>/ (written aside, then renamed into place, so
 * two workers building at once never see half of it); returns the path of serve-one.js.
 *
 * The build's hash follows imports with the TypeScript compiler, which takes longer to load than the
 * rest of a start; so the hash is remembered under a cheaper key, the content of every file it could
 * read (all of mocks/ and src/, the lock file, the Dockerfile), and the compiler is loaded only when
 * one of those changed.
 */
export function mockProgram(): string {
  if (program) return program;
  const remembered = join(BUILDS, `inputs-${sourcesKey()}`);
  let hash = readIfPresent(remembered);
  if (!hash || !existsSync(entryOf(hash))) {
    hash = build();
    mkdirSync(BUILDS, { recursive: true });
    writeFileSync(`${remembered}.${process.pid}`, hash);
    renameSync(`${remembered}.${process.pid}`, remembered);
  }
  program = entryOf(hash);
  return program;
}

function entryOf(hash: string): string {
  return join(BUILDS, hash, 'mocks', 'serve-one.js');
}

/** Builds the program when no build of these inputs exists yet; returns its hash. */
function build(): string {
  const { compileMocks, copyAssets, imageInputsHash } = imageContext();
  const hash = imageInputsHash('host');
  const dir = join(BUILDS, hash);
  if (existsSync(entryOf(hash))) return hash;
  const building = `${dir}.${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  compileMocks(building);
  copyAssets(join(PROJECT, 'mocks'), join(building, 'mocks'));
  symlinkSync(join(PROJECT, 'node_modules'), join(building, 'node_modules'), 'dir');
  mkdirSync(BUILDS, { recursive: true });
  try {
    renameSync(building, dir);
  } catch (error) {
    // Another worker put the same build in place first: use it.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(entryOf(hash))) throw error;
  }
  return hash;
}

/** A hash of the content of every file the build's inputs can come from (a superset of them). */
function sourcesKey(): string {
  const files = ['src', 'mocks'].flatMap((dir) =>
    readdirSync(join(PROJECT, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name)),
  );
  files.push(join(PROJECT, 'package-lock.json'), join(PROJECT, 'docker', 'Dockerfile'));
  const hash = createHash('sha256');
  for (const file of files.sort()) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Loaded only to build: it loads the TypeScript compiler. */
function imageContext(): typeof import('./container/image-context') {
  return require('./container/image-context');
}
