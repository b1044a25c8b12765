import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * The mock program as ES modules: mocks/serve-one.ts and everything it reaches, npm packages included,
 * bundled by esbuild and split at the registry's import() of each mock (mocks/registry.ts), so a process
 * serving one mock reads the program's entry, that mock's chunk and the chunks they share, and no other
 * mock's code; plus the non-TypeScript files under mocks/ at their places (a mock reads them next to its
 * code). What the mock image holds, and what embedded mode runs on the host.
 */
export const PROJECT = join(__dirname, '..', '..', '..');
const ENTRY = join(PROJECT, 'mocks', 'serve-one-main.ts');
/** Where the program's entry goes in its folder; every chunk goes beside it. */
export const BUNDLE_FILE = join('mocks', 'serve-one.mjs');
const DOCKERFILE = join(PROJECT, 'docker', 'Dockerfile');

/**
 * Bundled npm packages written as CommonJS call require() and read __dirname, which an ES module does
 * not have: each chunk makes its own, from its URL (every chunk sits beside the entry).
 */
const CHUNK_PRELUDE = [
  "import { createRequire as __chunkCreateRequire } from 'node:module';",
  "import { fileURLToPath as __chunkFileURLToPath } from 'node:url';",
  'const require = __chunkCreateRequire(import.meta.url);',
  "const __dirname = __chunkFileURLToPath(new URL('.', import.meta.url));",
].join('\n');

export interface MockBundle {
  /** The entry and its chunks, each at its path in the program's folder (BUNDLE_FILE for the entry). */
  files: Array<{ path: string; code: Uint8Array }>;
  /** Non-TypeScript files under mocks/, absolute. */
  assets: string[];
  /** A hash of the bundle, the assets and the Dockerfile: the program's and (with the base) the image's tag. */
  hash: string;
  /** esbuild's account of the build: which source files each output file holds and what it imports. */
  metafile: Metafile;
}

let building = 0;

/**
 * Bundles the mock program (esbuild is loaded here, only when a build is needed). esbuild's service
 * process is stopped once no build is left: it would otherwise stay up, idle, as long as the harness.
 */
export async function bundleMocks(): Promise<MockBundle> {
  const esbuild = loadEsbuild();
  building++;
  try {
    return await bundle(esbuild);
  } finally {
    if (--building === 0) await esbuild.stop();
  }
}

async function bundle(esbuild: Esbuild): Promise<MockBundle> {
  const result = await esbuild.build({
    absWorkingDir: PROJECT,
    entryPoints: [{ in: ENTRY, out: 'serve-one' }],
    outdir: join(PROJECT, dirname(BUNDLE_FILE)),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: CHUNK_PRELUDE },
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceDirname()],
  });
  const files = result.outputFiles
    .map((f) => ({ path: relative(PROJECT, f.path), code: f.contents }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  const assets = listFiles(join(PROJECT, 'mocks')).filter((f) => !f.endsWith('.ts'));
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update('\0').update(file.code).update('\0');
  for (const file of [...assets, DOCKERFILE].sort())
    hash.update(relative(PROJECT, file)).update('\0').update(readFileSync(file)).update('\0');
  return { files, assets, hash: hash.digest('hex').slice(0, 12), metafile: result.metafile };
}

/** Writes the program into `dir`: the entry at BUNDLE_FILE, its chunks beside it and the assets at their places. */
export function writeMockProgram(dir: string, bundle: MockBundle): void {
  for (const file of bundle.files) {
    mkdirSync(join(dir, dirname(file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.code);
  }
  for (const file of bundle.assets) {
    const target = join(dir, relative(PROJECT, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

/**
 * In the bundle every module shares its chunk's `__dirname` (the entry's folder); a project module
 * that reads a file next to itself (mocks/samba reads schema-extension.ldif) gets its own folder back,
 * relative to that one, where `writeMockProgram` puts its assets.
 */
function sourceDirname(): Plugin {
  return {
    name: 'source-dirname',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${join('/', 'node_modules')}/`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!/\b__dirname\b/.test(source)) return undefined;
        const own = JSON.stringify(relative(dirname(ENTRY), dirname(args.path)));
        return {
          contents: source.replace(/\b__dirname\b/g, `require('node:path').join(__dirname, ${own})`),
          loader: 'ts',
        };
      });
    },
  };
}

/** The part of esbuild's API used here, typed here, so the project type-checks before `npm install` brings it. */
interface Esbuild {
  build(options: Record<string, unknown> & { plugins: Plugin[] }): Promise<{
    outputFiles: Array<{ path: string; contents: Uint8Array }>;
    metafile: Metafile;
  }>;
  stop(): Promise<void>;
}
/** Paths relative to the project, as esbuild's metafile gives them. */
export interface Metafile {
  inputs: Record<string, { imports: Array<{ path: string; kind: string; external?: boolean }> }>;
  outputs: Record<
    string,
    {
      entryPoint?: string;
      imports: Array<{ path: string; kind: string; external?: boolean }>;
      inputs: Record<string, { bytesInOutput: number }>;
    }
  >;
}
interface Plugin {
  name: string;
  setup(build: {
    onLoad(
      options: { filter: RegExp },
      load: (args: { path: string }) => { contents: string; loader: 'ts' } | undefined,
    ): void;
  }): void;
}

function loadEsbuild(): Esbuild {
  try {
    return require('esbuild') as Esbuild;
  } catch {
    throw new Error('[containers] bundling the mocks needs esbuild, which is not installed: run npm install');
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
