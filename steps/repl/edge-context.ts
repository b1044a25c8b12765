import { FrontEndReplicator, type ReplicationAttempt } from '../../src/clients/tls/replication-client';
import { EdgeAdmin, type EdgeStatus, type IssuerListLayout } from '../../src/harness/service-admin';
import type { StartedService } from '../../src/harness/service-set';
import type { EdgeConfig, EdgeOs } from '../../src/model/repl';
import { type EdgeStores, issuerListStore } from '../../src/model/repl-stores';
import { edgeInstallBody, edgeStoreNameSizes, frontEndCredentials } from '../../src/pki/fixtures';
import { EDGE_FQDN, edgeRootStore } from '../../src/pki/lab';
import type { HarnessWorld } from '../support/world';

/** The CA stores besides Trusted Root, as the Edge's admin API names them. */
export type CaStore = 'intermediate' | 'clientAuthIssuers';

/**
 * One scenario's Edge and Front End: installs the Edge through its admin API, keeps what the model
 * needs to know (OS, store size, the registry value as written and as read at start), and replicates.
 */
export class EdgeContext {
  os: EdgeOs = 'windows2008r2';
  rootCount = 0;
  /** Certificates added to the Intermediate CA store, and in the Client Authentication Issuers store. */
  intermediateCount = 0;
  clientAuthIssuerCount = 0;
  registryWritten?: number;
  registryAtStart?: number;
  attempt?: ReplicationAttempt;
  /** Every replication of the scenario with the Edge's store as it was then (the report draws them). */
  readonly attempts: Array<{ attempt: ReplicationAttempt; os: EdgeOs; layout: IssuerListLayout }> = [];
  private version = 0;
  private replicator?: FrontEndReplicator;

  constructor(private readonly edge: StartedService) {}

  async install(os: EdgeOs, rootCount: number, registry?: number): Promise<void> {
    this.os = os;
    this.rootCount = rootCount;
    await this.edge.admin.loadData(JSON.stringify(await edgeInstallBody(rootCount, os)), 'application/json');
    if (registry !== undefined) {
      await this.writeRegistry(registry);
      await this.restart();
    }
  }

  async writeRegistry(value: number): Promise<void> {
    this.registryWritten = value;
    await new EdgeAdmin(this.edge.admin).setSendTrustedIssuerList(value);
  }

  async restart(): Promise<void> {
    this.registryAtStart = this.registryWritten;
    await new EdgeAdmin(this.edge.admin).restart();
  }

  async changeStore(rootCount: number): Promise<void> {
    this.rootCount = rootCount;
    const roots = (await edgeRootStore(rootCount)).map((root) => root.certPem);
    await new EdgeAdmin(this.edge.admin).setRoots(roots);
  }

  /** Fills the Intermediate CA or the Client Authentication Issuers store with the store's kind of roots. */
  async fillStore(store: CaStore, count: number): Promise<void> {
    const certificates = (await edgeRootStore(count)).map((c) => c.certPem);
    if (store === 'intermediate') this.intermediateCount = count;
    else this.clientAuthIssuerCount = count;
    await new EdgeAdmin(this.edge.admin).setStores({ [store]: certificates });
  }

  /** Whether a store other than Trusted Root was filled: then the stores' model applies (REPL-04). */
  usesOtherStores(): boolean {
    return this.intermediateCount > 0 || this.clientAuthIssuerCount > 0;
  }

  stores(): EdgeStores {
    return {
      root: this.rootCount,
      intermediate: this.intermediateCount,
      clientAuthIssuers: this.clientAuthIssuerCount,
    };
  }

  /** Name sizes of the store Schannel names in the list, as the model sees it. */
  listNameSizes(): Promise<number[]> {
    const fromCai = issuerListStore(this.config(), this.stores()).value === 'Client Authentication Issuers';
    return edgeStoreNameSizes(fromCai ? this.clientAuthIssuerCount : this.rootCount);
  }

  async replicate(): Promise<ReplicationAttempt> {
    if (!this.replicator) {
      const fe = await frontEndCredentials();
      this.replicator = new FrontEndReplicator(fe.fqdn, fe.credentials, fe.trustedRootsPem);
    }
    this.version++;
    this.attempt = await this.replicator.replicate(this.edge.urls.https, EDGE_FQDN, {
      version: this.version,
      createdAt: new Date(Date.UTC(2014, 11, 1, 9, this.version)).toISOString(),
    });
    const layout = await new EdgeAdmin(this.edge.admin).issuerListLayout();
    this.attempts.push({ attempt: this.attempt, os: this.os, layout });
    return this.attempt;
  }

  edgeStatus(): Promise<EdgeStatus> {
    return new EdgeAdmin(this.edge.admin).status();
  }

  /** The model's view of this Edge. */
  config(): EdgeConfig {
    return {
      os: this.os,
      sendTrustedIssuerListAtStart: this.registryAtStart,
      sendTrustedIssuerListWritten: this.registryWritten,
    };
  }

  nameSizes(): Promise<number[]> {
    return edgeStoreNameSizes(this.rootCount);
  }

  currentVersion(): number {
    return this.version;
  }
}

/** This scenario's Edge and Front End (the Edge started and installed once per worker by the environment). */
export async function edge(world: HarnessWorld): Promise<EdgeContext> {
  const service = await world.env.edge();
  return world.area('repl', () => new EdgeContext(service));
}

/** The scenario's REPL rule tag: generic steps prove the rule of the scenario they appear in. */
export function ruleOf(world: HarnessWorld): string {
  return world.scenario.tags.find((t) => /^@REPL-\d+$/.test(t))?.slice(1) ?? 'REPL-01';
}
