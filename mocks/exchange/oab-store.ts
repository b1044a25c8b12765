import type { Recipient } from './directory';
import { OabGeneration } from './oab-generation';
import {
  countEvents,
  eventsBetween,
  lastEventAtOrBefore,
  listedFrom,
  OAB_SCHEDULES,
  type OabScheduleProfile,
} from './oab-schedule';

export { OAB_GUID, OAL_GUID, OAL_NAME, OabGeneration } from './oab-generation';

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
