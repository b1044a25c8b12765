import { dnKey, namingContextOf, parentKey } from '../../src/tenant/dn';

/** Counts objects per naming context (the DC= tail), parsing one DN per parent, not per object. */
export class NamingContextTally {
  private readonly byParent = new Map<string, Tally | null>();
  private readonly byKey = new Map<string, Tally>();

  count(dn: string, key: string): void {
    const head = key.startsWith('dc=');
    let tally = head ? undefined : this.byParent.get(parentKey(key));
    if (tally === undefined) {
      tally = this.tallyOf(namingContextOf(dn));
      if (!head) this.byParent.set(parentKey(key), tally);
    }
    if (tally) tally.count++;
  }

  /** The naming context most objects share, spelled as the first of them spelled it. */
  best(): string | undefined {
    return [...this.byKey.values()].sort((a, b) => b.count - a.count)[0]?.dn;
  }

  private tallyOf(nc: string): Tally | null {
    if (!nc) return null;
    const key = dnKey(nc);
    let tally = this.byKey.get(key);
    if (!tally) {
      tally = { dn: nc, count: 0 };
      this.byKey.set(key, tally);
    }
    return tally;
  }
}

interface Tally {
  dn: string;
  count: number;
}
