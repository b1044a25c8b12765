import { mutateInsideFrame, mutateTree } from './ber-mutator';
import { cons, encode, int, seq, str } from './ber-writer';
import { mutateBytes } from './byte-mutator';
import type { FuzzInput } from './input';
import { ADMIN_DN, type LdapOp, ldapMessage, OPS, PASSWORD } from './ldap-requests';
import type { Rng } from './random';

/** The bind that opens a bound session (message 1, the built-in Administrator, who may write). */
export const SESSION_BIND = encode(seq(int(1), cons(0x60, int(3), str(ADMIN_DN), str(PASSWORD, 0x80))));

const WRITE_OPS: LdapOp[] = ['add', 'modify', 'delete', 'modifyDn', 'bind'];

/** One LDAP input: a request of any operation, mutated, sent in an unbound or a bound session. */
export function ldapInput(rng: Rng): FuzzInput {
  const bound = rng.chance(0.5);
  const op = rng.chance(0.5) ? rng.pick(WRITE_OPS) : rng.pick(OPS);
  const message = ldapMessage(rng, op, rng.between(2, 1000));
  const strategy = rng.weighted([
    [14, 'tree'],
    [3, 'inside-bytes'],
    [1, 'frame-bytes'],
    [1, 'frame-cut'],
    [1, 'pipelined'],
    [1, 'valid'],
  ] as const);
  let bytes: Buffer;
  let what: string = strategy;
  if (strategy === 'tree') {
    const { tree, mutation } = mutateTree(rng, message);
    bytes = encode(tree);
    what = mutation;
  } else if (strategy === 'inside-bytes') bytes = mutateInsideFrame(rng, message);
  else if (strategy === 'frame-bytes') bytes = mutateBytes(rng, encode(message));
  else if (strategy === 'frame-cut') bytes = encode(message).subarray(0, rng.int(encode(message).length));
  else if (strategy === 'pipelined') bytes = pipelined(rng, op);
  else bytes = encode(message);
  return {
    target: bound ? 'bound' : 'unbound',
    label: `${op} ${what}`,
    bytes: bound ? Buffer.concat([SESSION_BIND, bytes]) : bytes,
  };
}

/** Several requests in one write, one of them mutated: the decoder must keep its place between frames. */
function pipelined(rng: Rng, op: LdapOp): Buffer {
  const frames = Array.from({ length: rng.between(2, 6) }, (_, i) => ldapMessage(rng, rng.pick(OPS), 10 + i));
  const victim = rng.int(frames.length);
  return Buffer.concat(
    frames.map((f, i) => (i === victim ? encode(mutateTree(rng, ldapMessage(rng, op, 9)).tree) : encode(f))),
  );
}

/**
 * The AddRequest of issue 11, by construction: sent without a bind, its one attribute value claims more
 * bytes than its SET (the end of the message) holds. 68 bytes.
 */
export function overrunningAddRequest(): Buffer {
  const value = { tag: 0x04, value: Buffer.from('Fuzz Contact x'), lengthField: Buffer.from([0x7f]) };
  const attribute = seq(str('cn'), cons(0x31, value));
  return encode(seq(int(7), cons(0x68, str('CN=Fuzz,OU=GALSync,DC=abc,DC=corp'), seq(attribute))));
}

/** The same lie in a ModifyRequest's replace of `description`. */
export function overrunningModifyRequest(): Buffer {
  const value = { tag: 0x04, value: Buffer.from('x'), lengthField: Buffer.from([0x7f]) };
  const change = seq(int(2, 0x0a), seq(str('description'), cons(0x31, value)));
  return encode(seq(int(8), cons(0x66, str('CN=Anna Berg,OU=Users,DC=abc,DC=corp'), seq(change))));
}
