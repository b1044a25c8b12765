import Module from 'node:module';
import type { MockOptions, StartedMock } from './admin';

type Factory = (options: MockOptions) => Promise<StartedMock>;
type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };

/**
 * The service registry (src/harness/registry.ts) as one mock process needs it: the registry imports
 * every mock module, and loading them all costs a container most of its start time (msw alone takes
 * most of a second), so while the registry loads, each `mocks/<name>` module it imports is replaced
 * by a stand-in whose functions load the real module on first call. Only the started service's
 * code is then loaded; the factories themselves are the registry's own.
 */
export function loadRegistryDeferred(): Record<string, Factory> {
  const registry = require.resolve('../src/harness/registry');
  const original = loader._load;
  loader._load = function (this: unknown, request, parent, isMain) {
    const mockModule = parent?.filename === registry && /^\.\.\/\.\.\/mocks\/(?!admin$)/.test(request);
    if (!mockModule) return original.call(this, request, parent, isMain);
    return deferred(() => original.call(this, request, parent, isMain) as Record<string, unknown>);
  };
  try {
    return (require(registry) as { serviceFactories: Record<string, Factory> }).serviceFactories;
  } finally {
    loader._load = original;
  }
}

/** A module stand-in: every export is taken to be a function, resolved when it is called. */
function deferred(load: () => Record<string, unknown>): Record<string, unknown> {
  let loaded: Record<string, unknown> | undefined;
  return new Proxy(
    {},
    {
      get:
        (_target, name) =>
        (...args: unknown[]) => {
          loaded ??= load();
          return (loaded[name as string] as (...a: unknown[]) => unknown)(...args);
        },
    },
  );
}
