// Runs every *.test.ts under src/, mocks/, steps/ and test/ with node's built-in test runner
// (ts-node transpile-only), so CI reads node's own "# pass / # fail" summary.
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const root = join(__dirname, '..');
const files = ['src', 'mocks', 'steps', 'test'].flatMap((d) => {
  try {
    return find(join(root, d));
  } catch {
    return [];
  }
});
const result = spawnSync(process.execPath, ['--require', 'ts-node/register', '--test', ...files], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
});
process.exit(result.status ?? 1);
