import type { AttributeValue } from '../../src/tenant/entry';

/** One change of an LDAP add or modify request (RFC 4511 §4.6, §4.7). */
export interface Change {
  operation: 'add' | 'replace' | 'delete';
  name: string;
  values: AttributeValue[];
}
