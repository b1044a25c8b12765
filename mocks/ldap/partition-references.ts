import { integer, octets, sequence } from './ber';
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
  messageId: number,
): Buffer[] {
  if (scope === 'base' || base.key !== requestKey(dit.baseDn)) return [];
  const url = `ldap://${dit.domain}/CN=Configuration,${dit.baseDn}${scope === 'one' ? '??base' : ''}`;
  return [sequence([integer(messageId), sequence([octets(url)], 0x73)])];
}
