import type { AttributeValue } from '../../src/tenant/entry';
import type { Filter } from './filter';

/** A request control as the client sent it; the paged results control's value comes decoded. */
export interface RequestControl {
  oid: string;
  critical: boolean;
  value?: unknown;
}

export interface RequestAttribute {
  name: string;
  values: AttributeValue[];
}

/** One decoded LDAPMessage (RFC 4511 §4.2-4.12), as the mock DC acts on it. */
export type LdapRequest =
  | { op: 'bind'; messageId: number; name: string; password: string; sasl: boolean; mechanism?: string }
  | {
      op: 'search';
      messageId: number;
      base: string;
      scope: 'base' | 'one' | 'sub';
      filter: Filter;
      /** Shared by the requests that sent the same list (decode-search.ts): never changed. */
      attributes: readonly string[];
      sizeLimit: number;
      controls: RequestControl[];
    }
  | { op: 'add'; messageId: number; dn: string; attributes: RequestAttribute[] }
  | {
      op: 'modify';
      messageId: number;
      dn: string;
      changes: Array<{ operation: 'add' | 'replace' | 'delete' } & RequestAttribute>;
    }
  | { op: 'delete'; messageId: number; dn: string }
  | {
      op: 'modifyDn';
      messageId: number;
      dn: string;
      newRdn: string;
      deleteOldRdn: boolean;
      newSuperior?: string;
    }
  | { op: 'extended'; messageId: number; name: string; value?: Buffer }
  | { op: 'compare'; messageId: number; dn: string; attribute: string; value: string }
  | { op: 'abandon'; messageId: number; abandonId: number }
  | { op: 'unbind'; messageId: number };

export type RequestOf<Op extends LdapRequest['op']> = Extract<LdapRequest, { op: Op }>;
