import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatReadyLine, parseReadyLine } from './ready-line';

test('a ready line round-trips the service name and URLs, also behind a log prefix', () => {
  const info = {
    service: 'exchange',
    urls: { http: 'http://127.0.0.1:4000', admin: 'http://127.0.0.1:4001' },
  };
  assert.deepEqual(parseReadyLine(formatReadyLine(info)), info);
  assert.deepEqual(parseReadyLine(`2026-11-24T10:00:00Z ${formatReadyLine(info)}`), info);
});

test('ordinary log lines, broken JSON and lines without an admin URL are not ready lines', () => {
  assert.equal(parseReadyLine('listening on 127.0.0.1:4000'), undefined);
  assert.equal(parseReadyLine('LYNC_MOCK_READY {"service":'), undefined);
  assert.equal(parseReadyLine('LYNC_MOCK_READY {"service":"x","urls":{"http":"h"}}'), undefined);
});
