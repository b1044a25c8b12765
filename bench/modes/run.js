#!/usr/bin/env node
// `npm run bench:modes`: the whole suite in embedded and in container mode, and each service's
// container start-to-ready time (see bench/modes/modes.ts).
process.env.TS_NODE_TRANSPILE_ONLY = 'true';
process.env.TS_NODE_PROJECT = require('node:path').join(__dirname, '..', '..', 'tsconfig.json');
require('ts-node/register');
require('./modes.ts')
  .benchModes()
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`bench:modes: ${error.stack ?? error}`);
      process.exitCode = 1;
    },
  );
