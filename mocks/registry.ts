import type { MockOptions, StartedMock } from './admin';

export type MockFactory = (options: MockOptions) => Promise<StartedMock>;

/*
 * Each service's module is imported when that service is first started, not when the registry is
 * loaded: a process that serves one mock (serve-one, a container) loads only that mock's code. The
 * bundled mock program (src/harness/container/mock-bundle.ts) splits at these imports, one chunk per
 * mock module, so a container does not even read another mock's code. The paths name the .ts file:
 * the TypeScript loaders used here (ts-node, scripts/register-ts.js) turn import() into require(),
 * which needs the file's own name.
 */
const edge = () => import('./edge/index.ts');
const exchange = () => import('./exchange/index.ts');
const ldap = () => import('./ldap/index.ts');
const lyncFe = () => import('./lync-fe/index.ts');
const lyncOnline = () => import('./lync-online/index.ts');
const samba = () => import('./samba/index.ts');

/** The services the harness can start, by name: embedded mode starts them in a process each, container mode in an image each. */
export const mockFactories: Record<string, MockFactory> = {
  edge: async (o) => (await edge()).startEdgeMock(o),
  exchange: async (o) => (await exchange()).startExchangeMock(o),
  'ldap-onpremises': async (o) => (await ldap()).startLdapMock({ ...o, service: 'ldap-onpremises' }),
  'ldap-online': async (o) => (await ldap()).startLdapMock({ ...o, service: 'ldap-online' }),
  'lync-fe': async (o) => (await lyncFe()).startLyncFeMock(o),
  'lync-online': async (o) => (await lyncOnline()).startLyncOnlineMock(o),
  // Samba's AD DC, the real directory beside the mock DCs (`--ldap samba`).
  'samba-onpremises': async (o) => (await samba()).startSambaDc({ ...o, service: 'samba-onpremises' }),
  'samba-online': async (o) => (await samba()).startSambaDc({ ...o, service: 'samba-online' }),
};
