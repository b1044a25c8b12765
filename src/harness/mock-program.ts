import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PROJECT = join(__dirname, '..', '..');
const BUILDS = join(PROJECT, '.tmp', 'mock-program');

let program: Promise<string[]> | undefined;

/**
 * The mock program as the mock image holds it (esbuild's chunks, container/mock-bundle.ts), for mock
 * processes on this host: a process then starts in a fraction of a second, with no TypeScript loader.
 * Built once per set of inputs under .tmp/mock-program/<hash>/ (written aside, then renamed into
 * place, so two workers building at once never see half of it); resolves to node's arguments that
 * start it (the path of serve-one.mjs).
 *
 * Bundling takes longer than the rest of a start, so the bundle's hash is remembered under a cheaper
 * key, the content of every file it could read (all of mocks/ and src/, the lock file, the
 * Dockerfile), and esbuild runs only when one of those changed.
 */
export function mockProgram(): Promise<string[]> {
  program ??= esbuildInstalled() ? locate().then((entry) => [entry]) : Promise.resolve(fromSources());
  program.catch(() => {
    program = undefined;
  });
  return program;
}

/**
 * Without esbuild installed (a checkout whose node_modules predates it), a mock process starts from
 * the TypeScript sources through the harness's own loader, slower; said once, with what to do.
 */
function fromSources(): string[] {
  console.error(
    '[mock-program] esbuild is not installed (npm install): mock processes start from the TypeScript sources',
  );
  return ['-r', join(PROJECT, 'scripts', 'register-ts.js'), join(PROJECT, 'mocks', 'serve-one.ts')];
}

function esbuildInstalled(): boolean {
  try {
    require.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

async function locate(): Promise<string> {
  const remembered = join(BUILDS, `inputs-${sourcesKey()}`);
  let hash = readIfPresent(remembered);
  if (!hash || !existsSync(entryOf(hash))) {
    hash = await build();
    mkdirSync(BUILDS, { recursive: true });
    writeFileSync(`${remembered}.${process.pid}`, hash);
    renameSync(`${remembered}.${process.pid}`, remembered);
  }
  return entryOf(hash);
}

function entryOf(hash: string): string {
  return join(BUILDS, hash, 'mocks', 'serve-one.mjs');
}

/** Builds the program when no build of these inputs exists yet; returns its hash. */
async function build(): Promise<string> {
  const { bundleMocks, writeMockProgram } = mockBundle();
  const bundle = await bundleMocks();
  const dir = join(BUILDS, bundle.hash);
  if (existsSync(entryOf(bundle.hash))) return bundle.hash;
  const building = `${dir}.${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  writeMockProgram(building, bundle);
  mkdirSync(BUILDS, { recursive: true });
  try {
    renameSync(building, dir);
  } catch (error) {
    // Another worker put the same build in place first: use it.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(entryOf(bundle.hash))) throw error;
  }
  return bundle.hash;
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

/** Loaded only to build (it loads esbuild). */
function mockBundle(): typeof import('./container/mock-bundle') {
  return require('./container/mock-bundle');
}
