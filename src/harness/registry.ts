import type { MockOptions, StartedMock } from '../../mocks/admin';
import { startEdgeMock } from '../../mocks/edge';
import { startExchangeMock } from '../../mocks/exchange';
import { startLdapMock } from '../../mocks/ldap';
import { startLyncFeMock } from '../../mocks/lync-fe';
import { startLyncOnlineMock } from '../../mocks/lync-online';
import { startSambaDc } from '../../mocks/samba';

/**
 * The services the harness can start, by name. Each mock module adds one line here.
 * Embedded mode calls these in-process; container mode starts the same code in an image.
 */
export const serviceFactories: Record<string, (options: MockOptions) => Promise<StartedMock>> = {
  edge: startEdgeMock,
  exchange: startExchangeMock,
  'ldap-onpremises': (o) => startLdapMock({ ...o, service: 'ldap-onpremises' }),
  'ldap-online': (o) => startLdapMock({ ...o, service: 'ldap-online' }),
  'lync-fe': startLyncFeMock,
  'lync-online': startLyncOnlineMock,
  // Samba's AD DC, the real directory beside the mock DCs (`--ldap samba`).
  'samba-onpremises': (o) => startSambaDc({ ...o, service: 'samba-onpremises' }),
  'samba-online': (o) => startSambaDc({ ...o, service: 'samba-online' }),
};
