import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';

/**
 * The npm packages compiled code needs at run time: the bare `require('x')` names in the given
 * JavaScript, then their dependencies (and non-optional peers) as installed, resolved the way Node does
 * (nearest node_modules upwards). Returns package folders relative to the project, e.g.
 * `node_modules/ldapjs` or `node_modules/a/node_modules/b`.
 */
export function runtimePackages(project: string, javascript: string[]): string[] {
  const found = new Set<string>();
  const queue: Array<{ name: string; from: string }> = [];
  for (const source of javascript)
    for (const name of requiredPackages(source)) queue.push({ name, from: project });
  while (queue.length) {
    const { name, from } = queue.shift() as { name: string; from: string };
    const dir = resolvePackage(project, name, from);
    if (!dir) throw new Error(`[containers] package "${name}" is required but not installed (npm ci?)`);
    const rel = relative(project, dir);
    if (found.has(rel)) continue;
    found.add(rel);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dep of dependenciesOf(manifest)) {
      const required = dep in (manifest.dependencies ?? {});
      if (required || resolvePackage(project, dep, dir)) queue.push({ name: dep, from: dir });
    }
  }
  return [...found].sort();
}

/** Package names in `require("...")` calls, without node built-ins, relative paths or subpaths. */
export function requiredPackages(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/\brequire\(\s*["']([^"'.][^"']*)["']\s*\)/g)) {
    const spec = match[1];
    if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0])) continue;
    const parts = spec.split('/');
    names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
  }
  return [...names];
}

interface Manifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** Dependencies, optional dependencies and the peers not marked optional. */
function dependenciesOf(manifest: Manifest): Set<string> {
  const peers = Object.keys(manifest.peerDependencies ?? {}).filter(
    (peer) => !manifest.peerDependenciesMeta?.[peer]?.optional,
  );
  return new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
    ...peers,
  ]);
}

function resolvePackage(project: string, name: string, from: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === project || dir === dirname(dir)) return undefined;
    dir = dirname(dir);
  }
}
