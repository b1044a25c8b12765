import assert from 'node:assert/strict';
import test from 'node:test';
import { shapeOf, shapeWith } from './attribute-shape';
import { DirectoryEntry } from './entry';

test('a shape grown one name at a time is the one shape of those names, in that order', () => {
  const grown = shapeWith(shapeWith(shapeOf([]), 'cn'), 'mail');
  assert.equal(grown, shapeOf(['cn', 'mail']));
  assert.notEqual(grown, shapeOf(['mail', 'cn']));
  assert.equal(shapeWith(shapeOf(['cn']), 'mail'), grown, 'the step is remembered');
  assert.deepEqual(
    [...grown.positions],
    [
      ['cn', 0],
      ['mail', 1],
    ],
  );
});

test('an entry built attribute by attribute reads like one built whole, and a removal keeps the order', () => {
  const built = new DirectoryEntry('CN=a,DC=x').set('cn', ['a']).set('Mail', ['a@x']).set('sn', ['A']);
  const whole = new DirectoryEntry('CN=a,DC=x', { cn: 'a', Mail: 'a@x', sn: 'A' });
  assert.deepEqual(built.names(), whole.names());
  assert.deepEqual(built.get('mail'), ['a@x']);
  built.set('mail', []);
  assert.deepEqual(built.names(), ['cn', 'sn']);
  assert.deepEqual(built.get('sn'), ['A']);
  assert.equal(built.has('mail'), false);
});
