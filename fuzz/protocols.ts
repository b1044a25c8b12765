import { adminProtocol } from './admin-protocol';
import { httpProtocol } from './http-protocol';
import { ldapProtocol } from './ldap-protocol';
import { ldifProtocol } from './ldif-protocol';
import { oabProtocol } from './oab-protocol';
import type { Protocol, ProtocolName } from './protocol';
import { tlsProtocol } from './tls-protocol';

/** Every protocol the fuzzer speaks, by the name `--protocol` takes. */
export const PROTOCOLS: Partial<Record<ProtocolName, Protocol>> = {
  ldap: ldapProtocol,
  http: httpProtocol,
  oab: oabProtocol,
  tls: tlsProtocol,
  admin: adminProtocol,
  ldif: ldifProtocol,
};
