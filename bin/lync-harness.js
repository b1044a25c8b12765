#!/usr/bin/env node
// Entry point of the `lync-harness` command: TypeScript runs through ts-node in transpile-only mode
// (type checking is a separate `npm run typecheck`).
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
process.env.TS_NODE_PROJECT = require('node:path').join(__dirname, '..', 'tsconfig.json');
require('ts-node/register');
require('../src/cli.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
