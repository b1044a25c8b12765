import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * The mock program as one JavaScript file: mocks/serve-one.ts and everything it reaches, npm packages
 * included, bundled by esbuild, plus the non-TypeScript files under mocks/ at their places (a mock
 * reads them next to its code). What the mock image holds, and what embedded mode runs on the host.
 */
export const PROJECT = join(__dirname, '..', '..', '..');
const ENTRY = join(PROJECT, 'mocks', 'serve-one.ts');
/** Where the bundle goes in the program's folder: where serve-one.ts is in the project. */
export const BUNDLE_FILE = join('mocks', 'serve-one.js');
const DOCKERFILE = join(PROJECT, 'docker', 'Dockerfile');

export interface MockBundle {
  code: Uint8Array;
  /** Non-TypeScript files under mocks/, absolute. */
  assets: string[];
  /** A hash of the bundle, the assets and the Dockerfile: the program's and (with the base) the image's tag. */
  hash: string;
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
    entryPoints: [ENTRY],
    outfile: join(PROJECT, BUNDLE_FILE),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
    plugins: [sourceDirname()],
  });
  const code = result.outputFiles[0].contents;
  const assets = listFiles(join(PROJECT, 'mocks')).filter((f) => !f.endsWith('.ts'));
  const hash = createHash('sha256').update(code);
  for (const file of [...assets, DOCKERFILE].sort())
    hash.update(relative(PROJECT, file)).update('\0').update(readFileSync(file)).update('\0');
  return { code, assets, hash: hash.digest('hex').slice(0, 12) };
}

/** Writes the program into `dir`: the bundle at BUNDLE_FILE and the assets at their places. */
export function writeMockProgram(dir: string, bundle: MockBundle): void {
  mkdirSync(join(dir, dirname(BUNDLE_FILE)), { recursive: true });
  writeFileSync(join(dir, BUNDLE_FILE), bundle.code);
  for (const file of bundle.assets) {
    const target = join(dir, relative(PROJECT, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, type: 'commonjs' }));
}

/**
 * In one bundle every module shares the bundle's `__dirname`; a project module that reads a file next
 * to itself (mocks/samba reads schema-extension.ldif) gets its own folder back, relative to the
 * bundle's, where `writeMockProgram` puts its assets.
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
    outputFiles: Array<{ contents: Uint8Array }>;
  }>;
  stop(): Promise<void>;
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
