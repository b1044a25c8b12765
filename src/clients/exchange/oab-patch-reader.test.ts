import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Parts, writeOabPatch } from '../../../mocks/exchange/oab-patch';
import { OabFormatError } from './oab-decoder';
import { applyOabPatch, OabPatchMismatch } from './oab-patch-reader';

/** A small seeded generator, so a failure names the input that caused it. */
function seeded(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const records = (names: string[]) =>
  Buffer.from(names.map((n) => `/o=ExchangeLabs/cn=Recipients/cn=${n}\0${n}@xyz.corp\0`).join(''));
const names = (from: number, count: number) => Array.from({ length: count }, (_, i) => `user${from + i}`);

test('a damaged patch is refused with the OAB errors (Outlook then downloads the Full file), never another error', () => {
  const old = Buffer.concat([Buffer.alloc(12, 1), records(names(0, 3000))]);
  const fresh = Buffer.concat([
    Buffer.alloc(12, 2),
    records([...names(0, 1500), 'nora.vik', ...names(1501, 1499)]),
  ]);
  const patch = writeOabPatch(new Parts([old]), new Parts([fresh]));
  assert.deepEqual(applyOabPatch(patch, old), fresh);
  const random = seeded(20141201);
  let refused = 0;
  for (let round = 0; round < 400; round++) {
    const damaged = Buffer.from(patch);
    const flips = 1 + Math.floor(random() * 4);
    for (let f = 0; f < flips; f++)
      damaged[Math.floor(random() * damaged.length)] ^= 1 << Math.floor(random() * 8);
    if (round % 10 === 0)
      damaged.writeUInt32LE(Math.floor(random() * 2 ** 32), 4 * Math.floor(random() * 11));
    try {
      assert.deepEqual(
        applyOabPatch(damaged, old),
        fresh,
        `round ${round}: a damaged patch gave another file`,
      );
    } catch (error) {
      if (!(error instanceof OabFormatError || error instanceof OabPatchMismatch)) throw error;
      refused++;
    }
  }
  assert.ok(refused > 300, `${refused} of 400 damaged patches refused`);
});
