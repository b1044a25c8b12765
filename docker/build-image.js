#!/usr/bin/env node
// `npm run docker:build`: builds the mock image and the compose file's seed (see docker/README.md).
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
process.env.TS_NODE_PROJECT = require('node:path').join(__dirname, '..', 'tsconfig.json');
require('ts-node/register');
require('../src/harness/container/build-command.ts')
  .buildImageCommand(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`docker:build: ${error.message}`);
      process.exitCode = 1;
    },
  );
