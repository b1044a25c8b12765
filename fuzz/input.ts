/** One fuzz input: the bytes, where they go (a target the protocol knows) and what made them. */
export interface FuzzInput {
  /** e.g. `unbound` / `bound` for LDAP, `exchange` for HTTP, `edge` for TLS. */
  target: string;
  /** Operation and mutation, e.g. `add length-overruns-parent`; runs count answers and failures by it. */
  label: string;
  bytes: Buffer;
}
