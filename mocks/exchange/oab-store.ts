import { createHash } from 'node:crypto';
import type { Recipient } from './directory';
import { lzxContainerChunks, planLzxContainer } from './lzx-container';
import { fullDetailsParts } from './oab-details';
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

/**
 * One generated OAB: a snapshot of the GAL at generation time, its file planned on first use. Only the
 * encoded records are held (shared by every generation of the same GAL, oab-details.ts); the container
 * around them is produced as it is sent.
 */
export class OabGeneration {
  private built?: BuiltOab;

  constructor(
    readonly sequence: number,
    readonly generatedAt: number,
    private readonly recipients: Recipient[],
  ) {}

  get recordCount(): number {
    return this.recipients.length;
  }

  get fileName(): string {
    return `${OAL_GUID}-data-${this.sequence}.lzx`;
  }

  build(): BuiltOab {
    if (!this.built) {
      const parts = fullDetailsParts(
        { name: OAL_NAME, dn: OAL_DN, sequence: this.sequence },
        this.recipients,
      );
      const plan = planLzxContainer(parts);
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

  /** Starts over with an OAB of `recipients` already generated and on the virtual directory. */
  restart(recipients: Recipient[], now: number): void {
    this.profile = OAB_SCHEDULES.exchange2010;
    this.generated = new OabGeneration(1, now, recipients);
    this.published = this.generated;
    this.publishedAt = now;
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
        this.generated = new OabGeneration(this.generated.sequence + 1, event.at, gal());
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
    this.generated = new OabGeneration(this.generated.sequence + generations, at, recipients);
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
    };
  }
}
