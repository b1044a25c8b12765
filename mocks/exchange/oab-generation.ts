import { createHash } from 'node:crypto';
import type { Recipient } from './directory';
import { lzxContainerChunks, planLzxContainer } from './lzx-container';
import { fullDetailsParts } from './oab-details';
import { Parts, writeOabPatch } from './oab-patch';

export const OAL_GUID = '8b9b5d5e-2f1c-4c43-9d37-5b8e2f0a1c11';
export const OAB_GUID = 'c6a1f0f4-5b7e-4a0b-8f3e-0d9a6b2c4e71';
export const OAL_NAME = '\\Global Address List';
const OAL_DN = '/o=ExchangeLabs/cn=addrlists/cn=oabs/cn=Default Offline Address Book';

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
