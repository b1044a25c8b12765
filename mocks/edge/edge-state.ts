import type { X509Certificate } from 'node:crypto';
import type { SecureContextOptions } from 'node:tls';
import { AdminInputError } from '../admin';
import { certificateNames } from './der';
import { edgeMechanism } from './mechanism-faults';
import { certificate, parseRoots } from './root-store';
import { buildIssuerList, EDGE_OS, type EdgeOs, type IssuerList, sendsIssuerList } from './schannel';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** What the harness installs on the Edge (PUT /__admin/data): its certificate, its Root store, its OS. */
export interface EdgeInstall {
  certPem: string;
  keyPem: string;
  roots: string[];
  os: EdgeOs;
  fqdn: string;
}

export interface ReplicaState {
  version: number;
  createdAt: string;
  appliedAt: string;
  from: string;
}

/**
 * The Edge as Windows sees it: the Root store (read on every handshake), the SCHANNEL registry value as
 * written and as read at the last start, the applied replica, and the System event log.
 */
export class EdgeState {
  install?: EdgeInstall;
  store: X509Certificate[] = [];
  /**
   * The Intermediate Certification Authorities store: Windows keeps the CAs of the Edge's own installed
   * chain there, and Schannel uses them (and what the client sends) to build a client's chain to a root.
   */
  intermediates: X509Certificate[] = [];
  /** Certificates an administrator added to the Intermediate Certification Authorities store. */
  addedIntermediates: X509Certificate[] = [];
  /**
   * The Client Authentication Issuers store (Windows Server 2012 and later): when it holds anything,
   * Schannel names its certificates in the issuer list instead of the Trusted Root store's.
   */
  clientAuthIssuers: X509Certificate[] = [];
  registryWritten?: number;
  registryEffective?: number;
  restarts = 0;
  /** How this Edge differs from the notes' (selftest): a registry value Schannel reads at once. */
  readonly mechanism = edgeMechanism(() => this.readRegistryIfLive());
  replica?: ReplicaState;
  events: Array<{ id: number; source: string; at: string; message: string }> = [];

  load(install: EdgeInstall): void {
    this.install = install;
    this.store = parseRoots(install.roots);
    this.intermediates = (install.certPem.match(PEM_CERTIFICATE) ?? []).slice(1).map(certificate);
    this.addedIntermediates = [];
    this.clientAuthIssuers = [];
    this.registryWritten = undefined;
    this.registryEffective = undefined;
    this.replica = undefined;
    this.events = [];
  }

  /** Writes SendTrustedIssuerList; Schannel reads it at the next restart (or at once, where it reads it live). */
  writeRegistry(value: number | undefined): void {
    this.registryWritten = value;
    this.readRegistryIfLive();
  }

  private readRegistryIfLive(): void {
    if (this.mechanism.values.registryReadLive) this.registryEffective = this.registryWritten;
  }

  /** A restart: Schannel reads the registry again. */
  restart(): void {
    this.registryEffective = this.registryWritten;
    this.restarts++;
  }

  sendsList(): boolean {
    return sendsIssuerList(this.install?.os ?? 'windows2008r2', this.registryEffective);
  }

  /**
   * The store whose certificates Schannel names: on Windows Server 2012 the Client Authentication Issuers
   * store when it holds any, otherwise (and always on 2008 R2) the Trusted Root store. The Intermediate
   * store never feeds the list; it only helps build a client's chain.
   */
  listSource(): { name: 'Root' | 'ClientAuthIssuer'; store: X509Certificate[] } {
    if (this.install?.os === 'windows2012' && this.clientAuthIssuers.length > 0)
      return { name: 'ClientAuthIssuer', store: this.clientAuthIssuers };
    return { name: 'Root', store: this.store };
  }

  /** Every intermediate Schannel may use to build a client's chain: the Edge's own chain and those added. */
  chainIntermediates(): X509Certificate[] {
    return this.addedIntermediates.length
      ? [...this.intermediates, ...this.addedIntermediates]
      : this.intermediates;
  }

  private cachedList?: { store: X509Certificate[]; sends: boolean; list: IssuerList };

  /** The list as Schannel builds it from the source store and the value read at start (cached per store). */
  issuerList(): IssuerList {
    const sends = this.sendsList();
    const { store } = this.listSource();
    if (this.cachedList?.store !== store || this.cachedList.sends !== sends)
      this.cachedList = { store, sends, list: buildIssuerList(store, sends) };
    return this.cachedList.list;
  }

  private cachedContext?: { install: EdgeInstall; list: IssuerList; options: SecureContextOptions };

  /**
   * The TLS context: the Edge certificate, and the list of CA names the CertificateRequest carries.
   * The same object while the certificate and the list are the same, so the server builds a context
   * (every CA parsed again by OpenSSL) only when the store or the registry value read at start changed.
   */
  secureContext(): SecureContextOptions | undefined {
    if (!this.install) return undefined;
    const list = this.issuerList();
    const cached = this.cachedContext;
    if (cached?.list === list && sameCertificate(cached.install, this.install)) return cached.options;
    const options = {
      cert: this.install.certPem,
      key: this.install.keyPem,
      ca: list.sent.map((c) => c.toString()),
    };
    this.cachedContext = { install: this.install, list, options };
    return options;
  }

  /**
   * Every name of the store the list is built from, in store order, with the bytes it takes on the wire
   * (the DER Name and its 2-byte length), and how many of them the list carries: the store as Schannel
   * walks it, including the names a cut list leaves out.
   */
  issuerListLayout() {
    const { name, store } = this.listSource();
    const list = this.issuerList();
    return {
      source: name,
      sendsList: this.sendsList(),
      sent: list.sent.length,
      names: store.map((cert) => {
        const subject = certificateNames(cert.raw).subject;
        return { der: subject.toString('base64'), bytes: subject.length + 2 };
      }),
    };
  }

  status() {
    const list = this.issuerList();
    return {
      fqdn: this.install?.fqdn ?? null,
      os: this.install?.os ?? null,
      registry: {
        SendTrustedIssuerList: {
          written: this.registryWritten ?? null,
          effective: this.registryEffective ?? null,
        },
      },
      restarts: this.restarts,
      store: { count: this.store.length },
      stores: {
        root: this.store.length,
        intermediate: this.intermediates.length + this.addedIntermediates.length,
        clientAuthIssuers: this.clientAuthIssuers.length,
      },
      issuerList: {
        source: this.listSource().name,
        sent: list.sent.length,
        bytes: list.bytes,
        storeBytes: list.storeBytes,
        truncated: list.truncated,
        dropped: list.dropped,
        sendsList: this.sendsList(),
      },
      replica: this.replica ?? null,
      events: this.events,
    };
  }
}

function sameCertificate(a: EdgeInstall, b: EdgeInstall): boolean {
  return a.certPem === b.certPem && a.keyPem === b.keyPem;
}

export function parseInstall(body: string): EdgeInstall {
  const data = parseObject(body);
  for (const key of ['certPem', 'keyPem'] as const)
    if (typeof data[key] !== 'string')
      throw new AdminInputError(`"${key}" must be a PEM string`, 'bad-data', key);
  const os = (data.os ?? 'windows2008r2') as EdgeOs;
  if (!EDGE_OS.includes(os))
    throw new AdminInputError(
      `"os" must be one of ${EDGE_OS.join(', ')}, got ${String(data.os)}`,
      'bad-os',
      'os',
    );
  parseRoots(data.roots);
  return {
    certPem: data.certPem as string,
    keyPem: data.keyPem as string,
    roots: data.roots as string[],
    os,
    fqdn: typeof data.fqdn === 'string' ? data.fqdn : 'edge.local',
  };
}

export function parseObject(body: string): Record<string, unknown> {
  try {
    const value = JSON.parse(body || '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value;
  } catch {
    // answered below
  }
  throw new AdminInputError('the body must be a JSON object', 'bad-json');
}
