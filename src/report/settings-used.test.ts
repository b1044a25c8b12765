import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settingsNotUsed } from './settings-used';

test('a setting given for the run that no scenario read is "not used"; defaults never are', () => {
  const given = {
    outlookMode: { isDefault: false },
    oabProfile: { isDefault: false },
    edgeOs: { isDefault: true },
  };
  assert.deepEqual(settingsNotUsed(given, ['oabProfile']), ['outlookMode']);
  assert.deepEqual(settingsNotUsed(given, ['oabProfile', 'outlookMode']), []);
});
