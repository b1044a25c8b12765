import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { type AutodiscoverRecords, type Discovery, discoverPox } from './autodiscover';
import { resolveNames } from './ews';
import type { Credentials } from './http';
import { type OabRecord, readLayout, unpackLzxContainer } from './oab-decoder';
import { applyDiffChain, diffChain } from './oab-diff-chain';
import { downloadFile, fetchManifest, type OabManifestEntry } from './oab-download';
import { OabLookup } from './oab-lookup';

export type OutlookMode = 'cached' | 'online';

export interface OutlookOptions {
  version: 2010 | 2013;
  mode: OutlookMode;
  /** The Windows profile folder standing in for %LOCALAPPDATA%\Microsoft\Outlook. */
  profileDir: string;
  mailAddress: string;
  credentials: Credentials;
  records: AutodiscoverRecords;
}

export type OabCheck = {
  at: number;
  outcome: 'downloaded' | 'nothing-new' | 'failed';
  sequence?: number;
  /** What a download fetched: the differential files, applied in order, or the Full file. */
  kind?: 'diff' | 'full';
  files?: string[];
  /** Why the Full file was fetched when the OAB on disk could have been patched. */
  fallback?: string;
  detail?: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;
export const DETAILS_FILE = 'udetails.oab';

/**
 * Outlook 2010/2013 with an Exchange Online profile. In cached mode it keeps the OAB in its Offline
 * Address Books folder, checks for a new one every 24 hours counted from the last check, and answers
 * MAPI look-ups from the file on disk; in online mode look-ups go to EWS.
 */
export class OutlookSimulator {
  discovery?: Discovery;
  readonly checks: OabCheck[] = [];
  private etag?: string;
  private sequence = 0;
  private lastCheck?: number;

  constructor(
    readonly options: OutlookOptions,
    readonly createdAt: number,
  ) {}

  get folder(): string {
    return join(this.options.profileDir, 'Offline Address Books');
  }

  async discover(): Promise<Discovery> {
    this.discovery ??= await discoverPox(
      this.options.records,
      this.options.mailAddress,
      this.options.credentials,
    );
    return this.discovery;
  }

  /** When the next scheduled check is due: 24 hours after the last one (or after the profile was made). */
  nextCheckAt(): number {
    const due = (this.lastCheck ?? this.createdAt) + DAY_MS;
    return this.closedUntil === undefined ? due : Math.max(due, this.closedUntil);
  }

  private closedUntil?: number;

  /** Outlook is not running until `reopenAt`: a check that fell due while it was closed runs when it starts. */
  closeUntil(reopenAt: number): void {
    this.closedUntil = reopenAt;
  }

  /** One OAB check at virtual time `now`: a conditional oab.xml, then the Full file when it is newer. */
  async checkOab(now: number): Promise<OabCheck> {
    const check = await this.fetchIfNewer(now);
    this.lastCheck = now;
    this.checks.push(check);
    return check;
  }

  private async fetchIfNewer(now: number): Promise<OabCheck> {
    const discovery = await this.discover();
    if (!discovery.ok || !discovery.oabUrl)
      return { at: now, outcome: 'failed', detail: discovery.ok ? 'no OAB URL' : discovery.detail };
    const manifest = await fetchManifest(discovery.oabUrl, this.options.credentials, this.etag);
    if (manifest.status === 304)
      return { at: now, outcome: 'nothing-new', sequence: this.sequence, detail: '304 Not Modified' };
    if (!('full' in manifest))
      return { at: now, outcome: 'failed', detail: `oab.xml: HTTP ${manifest.status}` };
    this.etag = manifest.etag;
    if (manifest.full.sequence <= this.sequence)
      return { at: now, outcome: 'nothing-new', sequence: this.sequence };
    const patched = this.sequence > 0 ? await this.patchTo(discovery.oabUrl, manifest, now) : undefined;
    if (patched?.ok) return patched.check;
    const file = await this.fetchChecked(discovery.oabUrl, manifest.full);
    if (typeof file === 'string') return { at: now, outcome: 'failed', detail: file };
    const details = unpackLzxContainer(file);
    readLayout(details); // refuse to install a file that does not decode
    this.install(manifest.full.oalId, details, now);
    this.sequence = manifest.full.sequence;
    const files = [...(patched?.files ?? []), manifest.full.file];
    return {
      at: now,
      outcome: 'downloaded',
      sequence: this.sequence,
      kind: 'full',
      files,
      fallback: patched?.why,
    };
  }

  /**
   * Brings the OAB on disk to the manifest's sequence with the differential files, each applied in
   * sequence order ([MS-OXOAB] §2.10). Not possible when one of them is not on the server (the OAB on
   * disk is older than the files kept) or a result does not match its CRC: then the Full file.
   */
  private async patchTo(
    oabUrl: string,
    manifest: { full: OabManifestEntry; diffs: OabManifestEntry[] },
    now: number,
  ): Promise<{ ok: true; check: OabCheck } | { ok: false; why: string; files: string[] }> {
    const chain = diffChain(this.sequence, manifest);
    if (typeof chain === 'string') return { ok: false, why: chain, files: [] };
    const path = join(this.folder, manifest.full.oalId, DETAILS_FILE);
    if (!existsSync(path)) return { ok: false, why: 'no OAB on disk to patch', files: [] };
    const result = await applyDiffChain(readFileSync(path), chain, manifest.full.sequence, (entry) =>
      this.fetchChecked(oabUrl, entry),
    );
    if (!result.ok) return result;
    this.install(manifest.full.oalId, result.details, now);
    this.sequence = manifest.full.sequence;
    const check: OabCheck = { at: now, outcome: 'downloaded', sequence: this.sequence, kind: 'diff' };
    return { ok: true, check: { ...check, files: result.files } };
  }

  /** A file named by oab.xml, or why it cannot be used (its size or SHA-1 differs from the manifest's). */
  private async fetchChecked(oabUrl: string, entry: OabManifestEntry): Promise<Buffer | string> {
    const file = await downloadFile(oabUrl, entry.file, this.options.credentials);
    const sha1 = createHash('sha1').update(file).digest('hex');
    if (sha1 !== entry.sha1.toLowerCase() || file.length !== entry.size)
      return `${entry.file} does not match oab.xml (SHA-1 ${sha1}, ${file.length} bytes)`;
    return file;
  }

  private install(oalId: string, details: Buffer, now: number): void {
    const dir = join(this.folder, oalId);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, DETAILS_FILE);
    writeFileSync(path, details);
    utimesSync(path, new Date(now), new Date(now));
    // Indexed when first searched (an online-mode profile never searches its OAB).
    this.cache = undefined;
  }

  /** The .oab files of the Offline Address Books folder and their timestamps: the evidence of a download (OAB-06). */
  oabFiles(): Array<{ path: string; modified: string; bytes: number }> {
    if (!existsSync(this.folder)) return [];
    return readdirSync(this.folder, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.toLowerCase().endsWith('.oab'))
      .map((f) => {
        const stat = statSync(join(this.folder, f));
        return { path: f, modified: stat.mtime.toISOString(), bytes: stat.size };
      });
  }

  private cache?: { key: string; lookup: OabLookup };

  /** The local OAB, read from the .oab file on disk (indexed once per file); none before a download. */
  localOab(): OabLookup | undefined {
    const file = this.oabFiles().find((f) => f.path.endsWith(DETAILS_FILE));
    if (!file) return undefined;
    const key = `${file.path}@${file.modified}`;
    if (this.cache?.key !== key)
      this.cache = { key, lookup: OabLookup.of(readFileSync(join(this.folder, file.path))) };
    return this.cache.lookup;
  }

  /** Every record of the local OAB, decoded; none for a profile that has not downloaded one. */
  localRecords(): OabRecord[] {
    return [...(this.localOab()?.records() ?? [])];
  }

  /** A MAPI address-book look-up (what Lync asks Outlook): the local OAB in cached mode, EWS in online mode. */
  async mapiLookup(
    query: string,
  ): Promise<{ source: 'oab' | 'ews'; names: string[]; records: OabRecord[]; detail?: string }> {
    if (this.options.mode === 'cached') {
      const records = this.localOab()?.search(query) ?? [];
      return { source: 'oab', names: records.map((r) => r.displayName ?? ''), records };
    }
    const discovery = await this.discover();
    if (!discovery.ok) return { source: 'ews', names: [], records: [], detail: discovery.detail };
    const answer = await resolveNames(discovery.ewsUrl, query, this.options.credentials);
    if (!answer.ok) return { source: 'ews', names: [], records: [], detail: answer.detail };
    return {
      source: 'ews',
      names: answer.resolutions.map((r) => r.name),
      records: [],
      detail: answer.responseCode,
    };
  }
}
