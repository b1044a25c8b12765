import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exchangeLine, shortText, withoutStack } from './rule-evidence';

test('one protocol exchange per line: operation, request, answer, and any fault', () => {
  assert.equal(
    exchangeLine({
      at: '2014-12-01T09:00:00.000Z',
      operation: 'tls.handshake',
      request: { sni: 'edge01.abc.corp' },
      outcome: { alert: 'certificate_required' },
      fault: 'reset',
    }),
    '09:00:00 tls.handshake sni=edge01.abc.corp → alert=certificate_required [fault: reset]',
  );
  assert.equal(
    exchangeLine({ operation: 'ews.GetUser', unmatched: true }),
    'ews.GetUser  →  [no handler matched]',
  );
});

test('values are cut short for the page, and stack frames left out of error messages', () => {
  assert.equal(shortText('x'.repeat(300)).length, 240);
  assert.ok(shortText('x'.repeat(300)).endsWith('…'));
  assert.equal(shortText({ a: 1 }), '{"a":1}');
  assert.equal(withoutStack('Error: boom\n    at f (a.ts:1:1)\n    at g (b.ts:2:2)'), 'Error: boom');
});
