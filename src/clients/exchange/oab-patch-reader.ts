import { crc32 } from 'node:zlib';
import { decodeLzxDelta } from './lzx-delta-decoder';
import { OabFormatError } from './oab-decoder';

/**
 * Applies an OAB v4 Differential Patch file ([MS-OXOAB] §2.10) to the Full Details file Outlook
 * has: PATCH_HDR names the old file's size and CRC (which must be the file at hand), then each
 * PATCH_BLK reads its reference block from the old file, in order, and produces a block of the new
 * one whose CRC it gives. Any mismatch is an OabPatchMismatch: Outlook then downloads the Full file.
 */
export class OabPatchMismatch extends Error {}

const OAB_HDR_SIZE = 12;
const oabCrc = (b: Buffer) => ~crc32(b) >>> 0;

export function applyOabPatch(patch: Buffer, base: Buffer): Buffer {
  if (patch.length < 28 || patch.readUInt32LE(0) !== 3 || patch.readUInt32LE(4) !== 2)
    throw new OabFormatError('[client:oab] not an OAB differential patch (header version is not 3.2)');
  const [blockMax, sourceSize, targetSize, sourceCrc, targetCrc] = [8, 12, 16, 20, 24].map((at) =>
    patch.readUInt32LE(at),
  );
  if (base.length !== sourceSize)
    throw new OabPatchMismatch(`the patch is for a ${sourceSize}-byte OAB, the local one has ${base.length}`);
  if (oabCrc(base.subarray(OAB_HDR_SIZE)) !== sourceCrc)
    throw new OabPatchMismatch('the local OAB is not the one the patch was made from (source CRC)');
  // Blocks are kept as they come: a header that claims a huge file allocates nothing it does not decode.
  const blocks: Buffer[] = [];
  let at = 28;
  let read = 0;
  let written = 0;
  while (written < targetSize) {
    if (at + 16 > patch.length)
      throw new OabFormatError(`[client:oab] the patch ends inside a block header at ${at}`);
    const [size, targetLength, sourceLength, crc] = [0, 4, 8, 12].map((o) => patch.readUInt32LE(at + o));
    if (targetLength > blockMax || sourceLength > blockMax || targetLength > targetSize - written)
      throw new OabFormatError(`[client:oab] patch block at ${at} is larger than the header allows`);
    if (read + sourceLength > base.length || at + 16 + size > patch.length)
      throw new OabFormatError(`[client:oab] patch block at ${at} reads past the end of its files`);
    if (targetLength === 0) throw new OabFormatError(`[client:oab] patch block at ${at} produces nothing`);
    const block = decodeLzxDelta(
      patch.subarray(at + 16, at + 16 + size),
      base.subarray(read, read + sourceLength),
      targetLength,
    );
    if (oabCrc(block) !== crc)
      throw new OabPatchMismatch(`patch block at ${at}: the CRC of the result does not match`);
    blocks.push(block);
    written += targetLength;
    read += sourceLength;
    at += 16 + size;
  }
  const out = Buffer.concat(blocks, targetSize);
  if (oabCrc(out.subarray(OAB_HDR_SIZE)) !== targetCrc)
    throw new OabPatchMismatch('the patched OAB does not have the CRC the patch names (target CRC)');
  return out;
}
