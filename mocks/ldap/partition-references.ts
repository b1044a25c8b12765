import { octets, sequence } from './ber';
import type { Dit, StoredEntry } from './dit';
import { requestKey } from './dn-keys';

/**
 * What AD sends, besides the entries, for a one-level or subtree search based at the domain's head:
 * a SearchResultReference (RFC 4511 §4.5.3) to the Configuration partition, whose DN lies under the
 * head but which this DC holds as another naming context (one-level searches get `??base`, as the RFC
 * asks). A DC with AD-integrated DNS also refers to its DNS partitions; the mock holds none.
 */
export function partitionReferences(
  dit: Dit,
  base: StoredEntry,
  scope: 'base' | 'one' | 'sub',
): readonly Buffer[] {
  if (scope === 'base') return NONE;
  const references = encodedReferences(dit);
  if (base.key !== references.headKey) return NONE;
  return scope === 'one' ? references.one : references.sub;
}

const NONE: readonly Buffer[] = Object.freeze([]);

interface EncodedReferences {
  baseDn: string;
  domain: string;
  headKey: string;
  /** The `[APPLICATION 19]` protocolOps, encoded once per naming context: a search adds its message ID. */
  sub: readonly Buffer[];
  one: readonly Buffer[];
}

const encoded = new WeakMap<Dit, EncodedReferences>();

function encodedReferences(dit: Dit): EncodedReferences {
  const known = encoded.get(dit);
  if (known && known.baseDn === dit.baseDn && known.domain === dit.domain) return known;
  const url = (suffix: string) => `ldap://${dit.domain}/CN=Configuration,${dit.baseDn}${suffix}`;
  const fresh = {
    baseDn: dit.baseDn,
    domain: dit.domain,
    headKey: requestKey(dit.baseDn),
    sub: [sequence([octets(url(''))], 0x73)],
    one: [sequence([octets(url('??base'))], 0x73)],
  };
  encoded.set(dit, fresh);
  return fresh;
}
