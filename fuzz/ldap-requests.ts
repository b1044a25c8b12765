import { type BerNode, bool, cons, encode, int, prim, seq, set, str, TAG } from './ber-writer';
import type { Rng } from './random';

/** Valid LDAP requests (RFC 4511) over the sample ABC forest, as BER trees for the mutator. */
export const BASE_DN = 'DC=abc,DC=corp';
export const ADMIN_DN = 'CN=Administrator,CN=Users,DC=abc,DC=corp';
export const PASSWORD = 'Passw0rd!';

const DNS = [
  BASE_DN,
  'OU=Users,DC=abc,DC=corp',
  'OU=GALSync,DC=abc,DC=corp',
  'CN=Anna Berg,OU=Users,DC=abc,DC=corp',
  'CN=Fuzz Contact,OU=GALSync,DC=abc,DC=corp',
  'CN=Nobody,OU=Nowhere,DC=abc,DC=corp',
  'cn=anna berg,ou=users,dc=abc,dc=corp',
  'CN=J\\C3\\BCrgen\\2C Hex,OU=Users,DC=abc,DC=corp',
  'CN=a+SN=b,DC=abc,DC=corp',
  '',
  'not a dn',
  '=,=,=',
];
const ATTRIBUTES = [
  'objectClass',
  'cn',
  'sn',
  'mail',
  'member',
  'memberOf',
  'sAMAccountName',
  'userPrincipalName',
  'msRTCSIP-PrimaryUserAddress',
  'proxyAddresses',
  'objectGUID',
  'objectSid',
  'unicodePwd',
  'member;range=0-*',
  '1.2.840.113556.1.4.221',
  'x',
];
const VALUES = ['contact', 'user', 'Fuzz', 'sip:fuzz@abc.corp', 'SMTP:fuzz@abc.corp', '', ' ', 'é', BASE_DN];

export const OPS = [
  'bind',
  'search',
  'add',
  'modify',
  'delete',
  'modifyDn',
  'compare',
  'extended',
  'abandon',
  'unbind',
] as const;
export type LdapOp = (typeof OPS)[number];

const value = (rng: Rng): BerNode =>
  rng.chance(0.1) ? str(rng.bytes(rng.between(0, 40))) : str(rng.pick(VALUES));
const dn = (rng: Rng): BerNode => str(rng.pick(DNS));
const attribute = (rng: Rng): BerNode =>
  seq(str(rng.pick(ATTRIBUTES)), set(...Array.from({ length: rng.between(0, 3) }, () => value(rng))));

export function filter(rng: Rng, depth = 0): BerNode {
  const kind = depth > 3 ? rng.int(7) + 3 : rng.int(10);
  const attr = str(rng.pick(ATTRIBUTES));
  switch (kind) {
    case 0:
    case 1:
      return cons(0xa0 + kind, ...Array.from({ length: rng.between(0, 3) }, () => filter(rng, depth + 1)));
    case 2:
      return cons(0xa2, filter(rng, depth + 1));
    case 3:
      return prim(0x87, Buffer.from(rng.pick(ATTRIBUTES)));
    case 4:
      return cons(0xa4, attr, seq(str('Fu', 0x80), str('z', 0x81), str('act', 0x82)));
    case 5:
      return cons(0xa9, str('1.2.840.113556.1.4.1941', 0x81), str('member', 0x82), str(ADMIN_DN, 0x83));
    default:
      return cons(rng.pick([0xa3, 0xa5, 0xa6, 0xa8]), attr, value(rng));
  }
}

function control(rng: Rng): BerNode {
  const paged = seq(int(rng.pick([0, 1, 500, 100000])), str(rng.bytes(rng.int(3) * 4)));
  return rng.chance(0.7)
    ? seq(str('1.2.840.113556.1.4.319'), bool(rng.chance(0.5)), prim(TAG.octets, encode(paged)))
    : seq(str(rng.pick(['1.2.840.113556.1.4.801', '1.3.6.1.4.1.4203.1.10.1', '9.9.9'])), bool(true));
}

export function protocolOp(rng: Rng, op: LdapOp): BerNode {
  switch (op) {
    case 'bind':
      return rng.chance(0.85)
        ? cons(
            0x60,
            int(3),
            rng.chance(0.5) ? str(ADMIN_DN) : dn(rng),
            str(rng.pick([PASSWORD, '', 'wrong']), 0x80),
          )
        : cons(0x60, int(3), str(''), cons(0xa3, str(rng.pick(['GSSAPI', 'EXTERNAL'])), str(rng.bytes(8))));
    case 'search':
      return cons(
        0x63,
        dn(rng),
        int(rng.int(3), TAG.enumerated),
        int(rng.int(4), TAG.enumerated),
        int(rng.pick([0, 1, 1000])),
        int(rng.pick([0, 30])),
        bool(rng.chance(0.2)),
        filter(rng),
        seq(...Array.from({ length: rng.between(0, 3) }, () => str(rng.pick(ATTRIBUTES)))),
      );
    case 'add':
      return cons(0x68, dn(rng), seq(...Array.from({ length: rng.between(1, 4) }, () => attribute(rng))));
    case 'modify': {
      const change = () => seq(int(rng.int(3), TAG.enumerated), attribute(rng));
      return cons(0x66, dn(rng), seq(...Array.from({ length: rng.between(1, 3) }, change)));
    }
    case 'delete':
      return prim(0x4a, Buffer.from(rng.pick(DNS)));
    case 'modifyDn': {
      const parts = [
        dn(rng),
        str(rng.pick(['CN=Renamed', 'OU=X', '', 'CN=Anna Berg'])),
        bool(rng.chance(0.5)),
      ];
      return cons(0x6c, ...parts, ...(rng.chance(0.5) ? [str(rng.pick(DNS), 0x80)] : []));
    }
    case 'compare':
      return cons(0x6e, dn(rng), seq(str(rng.pick(ATTRIBUTES)), value(rng)));
    case 'extended':
      return cons(0x77, str(rng.pick(['1.3.6.1.4.1.1466.20037', '1.3.6.1.4.1.4203.1.11.3', '']), 0x80));
    case 'abandon':
      return int(rng.int(5), 0x50);
    case 'unbind':
      return prim(0x42, Buffer.alloc(0));
  }
}

/** An LDAPMessage: messageID, the operation and, sometimes, controls. */
export function ldapMessage(rng: Rng, op: LdapOp, messageId = rng.between(1, 2 ** 31 - 1)): BerNode {
  const withControls = op === 'search' || rng.chance(0.15);
  const controls = withControls && rng.chance(0.4) ? [cons(0xa0, control(rng))] : [];
  return seq(int(messageId), protocolOp(rng, op), ...controls);
}
