import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyOabPatch, OabPatchMismatch } from '../../src/clients/exchange/oab-patch-reader';
import { patchWithLibmspack } from '../../tools/oab-decode/build';
import { Parts, writeOabPatch } from './oab-patch';

const dir = mkdtempSync(join(tmpdir(), 'oab-patch-'));

/** Applies `patch` to `base` with libmspack's decompress_incremental. */
function applyWithLibmspack(patch: Buffer, base: Buffer, name: string): Buffer {
  writeFileSync(join(dir, `${name}.lzx`), patch);
  writeFileSync(join(dir, `${name}.base`), base);
  return patchWithLibmspack(join(dir, `${name}.lzx`), join(dir, `${name}.base`), join(dir, `${name}.out`));
}

/** Text shaped like OAB records: long shared prefixes, one unique name each. */
function records(names: string[]): Buffer {
  return Buffer.from(
    names
      .map(
        (n) =>
          `/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${n}\0${n}@xyz.corp\0SIP:${n}@xyz.corp\0`,
      )
      .join(''),
  );
}

const names = (from: number, count: number) => Array.from({ length: count }, (_, i) => `user${from + i}`);

test('libmspack rebuilds the new file from the old one and the patch (a contact added, one removed)', () => {
  const old = records(names(0, 6000));
  const fresh = records([...names(0, 2500), 'nora.vik', ...names(2501, 3499), 'added.late']);
  const patch = writeOabPatch(new Parts([old]), new Parts([fresh]));
  assert.ok(patch.length < fresh.length / 50, `the patch is small: ${patch.length} of ${fresh.length} bytes`);
  assert.deepEqual(applyWithLibmspack(patch, old, 'add'), fresh);
});

test('a file of several blocks and exact 32 KB chunks, and incompressible data, round-trip', () => {
  const old = Buffer.concat([randomBytes(300_000), records(names(0, 3000))]);
  const fresh = Buffer.concat([
    old.subarray(0, 100_000),
    randomBytes(5000),
    old.subarray(100_000, 262_144 * 2 - 5000),
  ]);
  assert.equal(fresh.length % 32768, 0);
  const patch = writeOabPatch(new Parts([old.subarray(0, 1000), old.subarray(1000)]), new Parts([fresh]));
  assert.deepEqual(applyWithLibmspack(patch, old, 'blocks'), fresh);
});

test('the patch applied to the wrong base: libmspack reports a checksum mismatch', () => {
  const old = records(names(0, 3000));
  const fresh = records([...names(0, 1000), 'nora.vik', ...names(1000, 2000)]);
  const patch = writeOabPatch(new Parts([old]), new Parts([fresh]));
  const wrong = records(names(1, 3000));
  assert.throws(() => applyWithLibmspack(patch, wrong, 'wrong'), /libmspack error \d+ \(checksum mismatch\)/);
});

test("the Outlook simulator's own decoder applies the same patches, and refuses a wrong base", () => {
  const old = records(names(0, 6000));
  const fresh = records([...names(0, 2500), 'nora.vik', ...names(2502, 3498), 'added.late']);
  const patch = writeOabPatch(new Parts([old]), new Parts([fresh]));
  assert.deepEqual(applyOabPatch(patch, old), fresh);
  assert.throws(() => applyOabPatch(patch, records(names(1, 6000))), OabPatchMismatch);
});

test('a GAL that triples or shrinks to a tenth: both decoders rebuild it from the old file', () => {
  const small = records(names(0, 2000));
  const large = records(names(0, 6000).reverse());
  for (const [from, to, name] of [
    [small, large, 'grow'],
    [large, small, 'shrink'],
  ] as const) {
    const patch = writeOabPatch(new Parts([from]), new Parts([to]));
    assert.deepEqual(applyWithLibmspack(patch, from, name), to, `${name}: libmspack`);
    assert.deepEqual(applyOabPatch(patch, from), to, `${name}: the Outlook simulator`);
  }
});

test('blocks the old file holds unchanged (ending in a chunk of one or two bytes) round-trip', () => {
  for (const extra of [1, 2, 3]) {
    // 12 + same = 9 chunks and `extra` bytes: the last block's last chunk is `extra` bytes long.
    const same = records(names(0, 3000)).subarray(0, 32768 * 9 + extra - 12);
    const old = Buffer.concat([Buffer.alloc(12, 1), same]);
    const fresh = Buffer.concat([Buffer.alloc(12, 2), same]);
    const patch = writeOabPatch(new Parts([old]), new Parts([fresh]), 32768 * 4);
    assert.deepEqual(applyWithLibmspack(patch, old, `same-${extra}`), fresh);
    assert.deepEqual(applyOabPatch(patch, old), fresh);
  }
});
