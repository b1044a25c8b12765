import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { runtimePackages } from './package-closure';

/**
 * The Docker build context of the mock image: the mock code compiled to JavaScript (only what
 * mocks/serve-one.ts reaches) plus the npm packages that code requires at run time, so the image
 * holds no TypeScript, ts-node, Cucumber or test tooling. Built on the host, because the offline
 * base image has no shell to RUN anything in.
 */
export const PROJECT = join(__dirname, '..', '..', '..');
// serve-one reaches every mock through mocks/registry.ts (its requires are followed like imports).
const ENTRIES = [join(PROJECT, 'mocks', 'serve-one.ts')];
const DOCKERFILE = join(PROJECT, 'docker', 'Dockerfile');

/**
 * A hash of everything that goes into the image: the base image (`base`, its id), the mock code
 * mocks/serve-one.ts reaches, the mock assets, the lock file, the Dockerfile and this builder. It is the image tag, so an unchanged mock
 * set is not rebuilt (work elsewhere in the project does not trigger a build).
 */
export function imageInputsHash(base = ''): string {
  const hash = createHash('sha256').update(base);
  const files = new Set([
    ...ENTRIES.flatMap(reachableSources),
    ...listFiles(join(PROJECT, 'mocks')).filter((f) => !f.endsWith('.ts')),
    join(PROJECT, 'package-lock.json'),
    DOCKERFILE,
    join(__dirname, 'image-context.ts'),
    join(__dirname, 'package-closure.ts'),
  ]);
  for (const file of [...files].sort())
    hash.update(relative(PROJECT, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}

/** The project's own source files reachable from `entry` through relative imports. */
function reachableSources(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const ref of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!ref.fileName.startsWith('.')) continue;
      const base = join(dirname(file), ref.fileName);
      const found = [`${base}.ts`, join(base, 'index.ts'), base].find((f) => existsSync(f) && !isDir(f));
      if (found) queue.push(found);
    }
  }
  return [...seen];
}

function isDir(path: string): boolean {
  return statSync(path).isDirectory();
}

/** Writes the context into `dir` (emptied first); returns what it holds. */
export function writeImageContext(dir: string): { files: number; packages: number } {
  rmSync(dir, { recursive: true, force: true });
  const app = join(dir, 'app');
  const emitted = compileMocks(app);
  copyAssets(join(PROJECT, 'mocks'), join(app, 'mocks'));
  const javascript = emitted.filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8'));
  const packages = runtimePackages(PROJECT, javascript);
  for (const pkg of packages)
    cpSync(join(PROJECT, pkg), join(app, pkg), {
      recursive: true,
      filter: (src) => !relative(join(PROJECT, pkg), src).split('/').includes('node_modules'),
    });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ private: true, type: 'commonjs' }));
  copyFileSync(DOCKERFILE, join(dir, 'Dockerfile'));
  return { files: emitted.length, packages: packages.length };
}

const TRANSPILE: ts.TranspileOptions = {
  reportDiagnostics: true,
  compilerOptions: {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    esModuleInterop: true,
    experimentalDecorators: true,
  },
};
const TRANSPILE_CACHE = join(PROJECT, '.tmp', 'transpile-cache');

/**
 * Transpiles every project file the entry points reach exactly as the harness runs them (ts-node
 * transpile-only: no type check), each file's output cached by its content, so a rebuild after an
 * edit transpiles only the edited files.
 */
export function compileMocks(outDir: string): string[] {
  mkdirSync(TRANSPILE_CACHE, { recursive: true });
  const emitted: string[] = [];
  for (const file of new Set(ENTRIES.flatMap(reachableSources))) {
    const target = join(outDir, relative(PROJECT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    if (file.endsWith('.ts')) writeFileSync(target, transpile(file));
    else copyFileSync(file, target);
    emitted.push(target);
  }
  return emitted;
}

function transpile(file: string): string {
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256')
    .update(`${ts.version}\0${relative(PROJECT, file)}\0${source}`)
    .digest('hex');
  const cached = join(TRANSPILE_CACHE, `${key}.js`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  const output = ts.transpileModule(source, { ...TRANSPILE, fileName: file });
  if (output.diagnostics?.length)
    throw new Error(
      `[containers] the mock code does not compile: ${ts.formatDiagnostics(output.diagnostics, host())}`,
    );
  writeFileSync(cached, output.outputText);
  return output.outputText;
}

/** Non-TypeScript files under mocks/ (fixtures, templates) keep their place next to the code. */
export function copyAssets(from: string, to: string): void {
  for (const file of listFiles(from).filter((f) => !f.endsWith('.ts'))) {
    mkdirSync(dirname(join(to, relative(from, file))), { recursive: true });
    copyFileSync(file, join(to, relative(from, file)));
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function host(): ts.FormatDiagnosticsHost {
  return { getCanonicalFileName: (f) => f, getCurrentDirectory: () => PROJECT, getNewLine: () => '\n' };
}
