/**
 * Small binary values made by the mock DC (objectGUID, objectSid) for 100,000 objects: cut from shared
 * 64 KB slabs, so that each costs a view rather than its own ArrayBuffer.
 */
let slab = new Uint8Array(0);
let used = 0;

export function cut(size: number): Uint8Array {
  if (used + size > slab.length) {
    slab = new Uint8Array(64 * 1024);
    used = 0;
  }
  const bytes = slab.subarray(used, used + size);
  used += size;
  return bytes;
}

/** One 32-bit FNV-1a lane of a text's hash: lanes differ by their seed. */
export function hashLane(text: string, lane: number): number {
  let h = 0x811c9dc5 ^ (lane * 0x9e3779b9);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A stable objectGUID for an object exported without one: 16 bytes hashed from its DN. */
export function guidFor(dn: string): Uint8Array {
  const guid = cut(16);
  const text = dn.toLowerCase();
  for (let lane = 0; lane < 4; lane++) {
    const h = hashLane(text, lane);
    guid[lane * 4] = h >>> 24;
    guid[lane * 4 + 1] = (h >>> 16) & 0xff;
    guid[lane * 4 + 2] = (h >>> 8) & 0xff;
    guid[lane * 4 + 3] = h & 0xff;
  }
  return guid;
}
