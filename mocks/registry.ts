import type { MockOptions, StartedMock } from './admin';

export type MockFactory = (options: MockOptions) => Promise<StartedMock>;

/*
 * Each service's module is required when that service is first started, not when the registry is
 * loaded: a process that serves one mock (serve-one, a container) loads only that mock's code (msw
 * alone costs most of a second). `require` rather than `import()`: the TypeScript loaders used here
 * hook CommonJS only.
 */
const edge = (): typeof import('./edge') => require('./edge');
const exchange = (): typeof import('./exchange') => require('./exchange');
const ldap = (): typeof import('./ldap') => require('./ldap');
const lyncFe = (): typeof import('./lync-fe') => require('./lync-fe');
const lyncOnline = (): typeof import('./lync-online') => require('./lync-online');
const samba = (): typeof import('./samba') => require('./samba');

/** The services the harness can start, by name: embedded mode starts them in a process each, container mode in an image each. */
export const mockFactories: Record<string, MockFactory> = {
  edge: (o) => edge().startEdgeMock(o),
  exchange: (o) => exchange().startExchangeMock(o),
  'ldap-onpremises': (o) => ldap().startLdapMock({ ...o, service: 'ldap-onpremises' }),
  'ldap-online': (o) => ldap().startLdapMock({ ...o, service: 'ldap-online' }),
  'lync-fe': (o) => lyncFe().startLyncFeMock(o),
  'lync-online': (o) => lyncOnline().startLyncOnlineMock(o),
  // Samba's AD DC, the real directory beside the mock DCs (`--ldap samba`).
  'samba-onpremises': (o) => samba().startSambaDc({ ...o, service: 'samba-onpremises' }),
  'samba-online': (o) => samba().startSambaDc({ ...o, service: 'samba-online' }),
};
