import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DirectoryEntry } from './entry';
import { writeLdif } from './ldif-writer';
import { liveSourceOf, snapshotHeader, writeSnapshot } from './live-snapshot';

test('a snapshot is the LDIF writeLdif gives, written in chunks, under a header naming its source', () => {
  const dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
  try {
    const entries = Array.from(
      { length: 2500 },
      (_, i) =>
        new DirectoryEntry(`CN=U${i},DC=abc,DC=corp`, {
          cn: `U${i}`,
          objectGUID: new Uint8Array([i % 256, 1]),
        }),
    );
    const header = snapshotHeader('ldaps://dc01.abc.corp:636', 'DC=abc,DC=corp', 'ABC\\svc', new Date(0));
    const file = join(dir, 'live-1.ldif');
    writeSnapshot(file, header, entries);
    const text = readFileSync(file, 'utf8');
    assert.equal(text, header + writeLdif(entries));
    assert.equal(liveSourceOf(text), 'ldaps://dc01.abc.corp:636');
    assert.equal(liveSourceOf(writeLdif(entries)), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
