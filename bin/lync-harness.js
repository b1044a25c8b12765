#!/usr/bin/env node
// Entry point of the `lync-harness` command: TypeScript runs transpiled without a type check (that is
// `npm run typecheck`), each file's output cached by content (scripts/register-ts.js).
require('../scripts/harness-heap');
require('../scripts/register-ts');
require('../src/cli.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
