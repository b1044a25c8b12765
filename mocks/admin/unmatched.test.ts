import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Journal } from './journal';
import { unmatchedRequests } from './unmatched';

test('a request no handler took is journaled as unmatched (path cut to 160 characters) and answered as the service says', async () => {
  const journal = new Journal('mock', () => new Date(0));
  const answer = unmatchedRequests(journal, 'http.unknown', (method, path) =>
    Response.json({ method, path }, { status: 404 }),
  );
  const long = `/${'x'.repeat(300)}`;
  const response = answer(new Request(`http://127.0.0.1${long}?q=1`, { method: 'DELETE' }));
  assert.equal(response.status, 404);
  assert.deepEqual(await response.json(), { method: 'DELETE', path: long });
  const [entry] = journal.list({ unmatched: true });
  assert.equal(entry.operation, 'http.unknown');
  assert.deepEqual(entry.request, { method: 'DELETE', path: long.slice(0, 160) });
});
