import { createHash } from 'node:crypto';
import type { Recipient } from './directory';
import { lzxContainerChunks, planLzxContainer } from './lzx-container';
import { fullDetailsParts } from './oab-details';
import { Parts, writeOabPatch } from './oab-patch';
import {
  countEvents,
  eventsBetween,
  lastEventAtOrBefore,
  listedFrom,
  OAB_SCHEDULES,
  type OabScheduleProfile,
} from './oab-schedule';

export const OAL_GUID = '8b9b5d5e-2f1c-4c43-9d37-5b8e2f0a1c11';
export const OAB_GUID = 'c6a1f0f4-5b7e-4a0b-8f3e-0d9a6b2c4e71';
export const OAL_NAME = '\\Global Address List';
const OAL_DN = '/o=ExchangeLabs/cn=addrlists/cn=oabs/cn=Default Offline Address Book';

/**
 * How long differential files stay on the virtual directory: 30 days, OABGen's age limit on the
 * folders it distributes the OAB from (KB832761); a client further behind downloads the Full file.
 */
export const PATCH_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface OabStep {
  kind: 'generate' | 'distribute';
  at: number;
  sequence: number;
  records?: number;
  /** For distribution: whether a newer OAB was copied to the virtual directory. */
  copied?: boolean;
  /** A clock moved more than LISTED_DAYS: the generations before are this one step, and how many they were. */
  generations?: number;
}

/** A generation's Full Details file as served: its size and hashes, and its bytes as a stream. */
export interface BuiltOab {
  /** Bytes of the LZX container (the manifest's size). */
  size: number;
  uncompressedSize: number;
  sha1: string;
  /** The container, written block by block from the encoded records (never held whole). */
  chunks(): Generator<Buffer>;
}

/** A generation's differential patch from the one before ([MS-OXOAB] §2.10): small, so held whole. */
export interface BuiltPatch {
  size: number;
  /** The Full Details file it produces (the manifest's uncompressedsize, as MS-OXWOAB's example gives it). */
  uncompressedSize: number;
  sha1: string;
  bytes: Buffer;
}

/**
 * One generated OAB: a snapshot of the GAL at generation time, its file planned on first use. Only the
 * encoded records are held (shared by every generation of the same GAL, oab-details.ts); the container
 * around them is produced as it is sent. The generation before it is held until its patch is built.
 */
export class OabGeneration {
  private built?: BuiltOab;
  private patch?: BuiltPatch;

  constructor(
    readonly sequence: number,
    readonly generatedAt: number,
    private readonly recipients: Recipient[],
    private previous?: OabGeneration,
  ) {}

  get recordCount(): number {
    return this.recipients.length;
  }

  get fileName(): string {
    return `${OAL_GUID}-data-${this.sequence}.lzx`;
  }

  get patchName(): string {
    return `${OAL_GUID}-binpatch-${this.sequence}.lzx`;
  }

  /** Whether a patch from the sequence before can be served (not for the first one, or one after a skip). */
  get hasPatch(): boolean {
    return this.patch !== undefined || this.previous?.sequence === this.sequence - 1;
  }

  /** The Full Details file, uncompressed, in parts (its header, then the GAL's records). */
  details(): Buffer[] {
    return fullDetailsParts({ name: OAL_NAME, dn: OAL_DN, sequence: this.sequence }, this.recipients);
  }

  /**
   * The patch that turns the previous generation's Full Details file into this one's. With
   * `wrongBase` (a mechanism fault) it is made from a copy of that file that differs in one byte, as an
   * OAB generator whose idea of the last OAB is not what it published (KB192839's signature mismatch).
   */
  buildPatch(wrongBase = false): BuiltPatch | undefined {
    if (!this.patch && this.previous && this.hasPatch) {
      const target = new Parts(this.details());
      const base = this.previous.details();
      if (wrongBase) {
        const records = Buffer.from(base[1]);
        records[records.length >> 1] ^= 0x20;
        base[1] = records;
      }
      const bytes = writeOabPatch(new Parts(base), target);
      this.patch = {
        size: bytes.length,
        uncompressedSize: target.length,
        sha1: createHash('sha1').update(bytes).digest('hex'),
        bytes,
      };
      this.previous = undefined;
    }
    return this.patch;
  }

  /** Lets go of the generation before (its patch is no longer served). */
  forgetPrevious(): void {
    this.previous = undefined;
  }

  build(): BuiltOab {
    if (!this.built) {
      const plan = planLzxContainer(this.details());
      const sha1 = createHash('sha1');
      for (const chunk of lzxContainerChunks(plan)) sha1.update(chunk);
      this.built = {
        size: plan.size,
        uncompressedSize: plan.total,
        sha1: sha1.digest('hex'),
        chunks: () => lzxContainerChunks(plan),
      };
    }
    return this.built;
  }
}

/**
 * The OAB pipeline: generation snapshots the live GAL, distribution copies the newest generation
 * to the OAB virtual directory, which is what clients download.
 */
export class OabStore {
  profile: OabScheduleProfile = OAB_SCHEDULES.exchange2010;
  generated!: OabGeneration;
  published!: OabGeneration;
  publishedAt = 0;
  /** The generations whose differential files are still kept, oldest first. */
  private kept: OabGeneration[] = [];

  /** Starts over with an OAB of `recipients` already generated and on the virtual directory. */
  restart(recipients: Recipient[], now: number): void {
    this.profile = OAB_SCHEDULES.exchange2010;
    this.generated = new OabGeneration(1, now, recipients);
    this.published = this.generated;
    this.publishedAt = now;
    this.kept = [this.generated];
  }

  /**
   * The differential files on the virtual directory at `now`: one per published generation made in the
   * last `retentionDays` (at most PATCH_RETENTION_DAYS), back to the first that has no patch from the
   * sequence before it.
   */
  servedPatches(now: number, retentionDays = PATCH_RETENTION_DAYS): OabGeneration[] {
    const kept = Math.min(retentionDays, PATCH_RETENTION_DAYS);
    const served: OabGeneration[] = [];
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const g = this.kept[i];
      if (g.sequence > this.published.sequence) continue;
      if (!g.hasPatch || g.generatedAt <= now - kept * DAY_MS) break;
      served.unshift(g);
    }
    return served;
  }

  private keep(generation: OabGeneration): void {
    this.generated = generation;
    this.kept.push(generation);
    const oldest = generation.generatedAt - (PATCH_RETENTION_DAYS + 1) * DAY_MS;
    while (this.kept.length > 1 && this.kept[0].generatedAt < oldest) this.kept.shift();
    this.kept[0].forgetPrevious();
  }

  /**
   * Runs every scheduled step between two clock readings; `gal()` is the live GAL at that moment.
   * `log` hears each step with its own time (the clock has already moved on).
   */
  advance(from: number, to: number, gal: () => Recipient[], log: (step: OabStep) => void = () => {}): void {
    const listed = listedFrom(from, to);
    if (listed > from) this.skip(from, listed, gal(), log);
    for (const event of eventsBetween(this.profile, listed, to)) {
      if (event.kind === 'generate') {
        this.keep(new OabGeneration(this.generated.sequence + 1, event.at, gal(), this.generated));
        log({
          kind: 'generate',
          at: event.at,
          sequence: this.generated.sequence,
          records: this.generated.recordCount,
        });
        if (this.profile.distributionMinutes.length === 0) this.publish(event.at, log);
      } else this.publish(event.at, log);
    }
  }

  /**
   * The generations of a long advance, counted rather than run: the GAL cannot change while the clock
   * moves, so they all snapshot the same recipients, and only the last one can still be distributed.
   * The listed days that follow hold every distribution, so the virtual directory ends as if each step ran.
   */
  private skip(from: number, to: number, recipients: Recipient[], log: (step: OabStep) => void): void {
    const generations = countEvents(this.profile, 'generate', from, to);
    const at = lastEventAtOrBefore(this.profile, 'generate', to);
    if (generations === 0 || at === undefined) return;
    this.keep(new OabGeneration(this.generated.sequence + generations, at, recipients, this.generated));
    log({ kind: 'generate', at, sequence: this.generated.sequence, records: recipients.length, generations });
    const distributed = lastEventAtOrBefore(this.profile, 'distribute', to);
    if (this.profile.distributionMinutes.length === 0) this.publish(at, log);
    else if (distributed !== undefined && distributed >= at) this.publish(distributed, log);
  }

  private publish(at: number, log: (step: OabStep) => void): void {
    const fresh = this.published !== this.generated;
    log({ kind: 'distribute', at, sequence: this.generated.sequence, copied: fresh });
    if (!fresh) return;
    this.published = this.generated;
    this.publishedAt = at;
  }

  state() {
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      profile: this.profile.name,
      generated: { sequence: this.generated.sequence, at: iso(this.generated.generatedAt) },
      published: {
        sequence: this.published.sequence,
        at: iso(this.publishedAt),
        records: this.published.recordCount,
      },
      /** Generations kept with a differential file from the one before (oab.xml lists those of the last 30 days). */
      differentialFiles: this.kept
        .filter((g) => g.hasPatch)
        .map((g) => ({ sequence: g.sequence, generatedAt: iso(g.generatedAt), file: g.patchName })),
    };
  }
}
