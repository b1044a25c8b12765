/**
 * The LDIF protocol's "server": reads each input it is sent as an export file, the way `--tenant` does
 * (decodeLdifFile, readLdif, then the forest), and answers how that went. Runs as the fuzzer's child,
 * so a hang is a timeout and a crash is this process's exit.
 */
import { READY_PREFIX } from '../mocks/ready-line';
import { LdifError } from '../src/tenant/ldif-error';
import { readLdif } from '../src/tenant/ldif-reader';
import { decodeLdifFile } from '../src/tenant/ldif-text';
import { forestFromRecords } from '../src/tenant/tenant';

export const LDIF_FILE = 'fuzz-export.ldif';

export interface LdifAnswer {
  kind: string;
  failure?: string;
}

/** Every failure must be an LdifError naming this file and a line of it; anything else is a defect. */
export function readExport(bytes: Buffer): LdifAnswer {
  let stage = 'decodeLdifFile';
  try {
    const text = decodeLdifFile(bytes, LDIF_FILE);
    stage = 'readLdif';
    const records = readLdif(text, LDIF_FILE);
    stage = 'forestFromRecords';
    forestFromRecords(records, 'onpremises', LDIF_FILE);
    return { kind: 'read' };
  } catch (error) {
    const e = error as Error;
    const lines = bytes.length / 2 + 2;
    const named = error instanceof LdifError && e.message.startsWith(`${LDIF_FILE}:${error.line}: `);
    if (named && error.line >= 1 && error.line <= lines) return { kind: `LdifError in ${stage}` };
    return {
      kind: `other error in ${stage}`,
      failure: `${stage} threw ${e?.name}: ${String(e?.message).slice(0, 200)}`,
    };
  }
}

if (require.main === module) {
  process.on('message', (message: { id: number; bytes: string }) => {
    const answer = readExport(Buffer.from(message.bytes, 'base64'));
    process.send?.({ id: message.id, answer });
  });
  process.stdout.write(`${READY_PREFIX}${JSON.stringify({ service: 'ldif-reader', urls: {} })}\n`);
}
