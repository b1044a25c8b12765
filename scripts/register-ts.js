// Runs the project's TypeScript in Node (`require('./scripts/register-ts')`, or Cucumber's
// requireModule): each .ts file is transpiled without a type check (that is `npm run typecheck`) and its
// output cached under .tmp/transpile-cache/ by content, so a start after the first loads no compiler at
// all. Errors point at TypeScript lines (inline source maps, Node's own source-map support).
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const PROJECT = join(__dirname, '..');
const CACHE = join(PROJECT, '.tmp', 'transpile-cache');
const TS_VERSION = require('typescript/package.json').version;
// Part of every cache key: a change here must never reuse output built with other options.
const OPTIONS = 'commonjs es2022 esModuleInterop experimentalDecorators inlineSourceMap v1';

let ts;
let cacheWritable = true;

function transpile(source, file) {
  ts ??= require('typescript');
  const output = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      esModuleInterop: true,
      experimentalDecorators: true,
      inlineSourceMap: true,
      inlineSources: false,
    },
  });
  return output.outputText;
}

/** The JavaScript of one .ts file, from the cache when its content was transpiled before. */
function compiled(source, file) {
  const key = createHash('sha256')
    .update(`${TS_VERSION}\0${OPTIONS}\0${relative(PROJECT, file)}\0${source}`)
    .digest('hex');
  const cached = join(CACHE, `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // not cached yet
  }
  const javascript = transpile(source, file);
  if (cacheWritable) {
    try {
      mkdirSync(CACHE, { recursive: true });
      // Written aside and renamed: a parallel worker never reads half a file.
      const aside = `${cached}.${process.pid}`;
      writeFileSync(aside, javascript);
      renameSync(aside, cached);
    } catch {
      cacheWritable = false; // a read-only install: transpile in memory every time
    }
  }
  return javascript;
}

if (!require.extensions['.ts']?.registeredByLyncHarness) {
  process.setSourceMapsEnabled(true);
  // Node 22.1+ also keeps V8's compiled code of every module it loads (npm packages included); Node 20
  // has no such cache and skips this.
  require('node:module').enableCompileCache?.(join(PROJECT, '.tmp', 'compile-cache'));
  const load = (module, file) => {
    module._compile(compiled(readFileSync(file, 'utf8'), file), file);
  };
  load.registeredByLyncHarness = true;
  require.extensions['.ts'] = load;
}
