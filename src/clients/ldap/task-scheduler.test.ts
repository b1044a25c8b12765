import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startAction, windowsArgv } from './task-scheduler';

test('command lines split as CommandLineToArgvW splits them: quotes group and disappear', () => {
  assert.deepEqual(windowsArgv('-File "C:\\Lync Scripts\\a.ps1" x'), [
    '-File',
    'C:\\Lync Scripts\\a.ps1',
    'x',
  ]);
  assert.deepEqual(windowsArgv('  C:\\Scripts\\a.ps1  '), ['C:\\Scripts\\a.ps1']);
  assert.deepEqual(windowsArgv(''), []);
});

test('powershell.exe runs the script named by its one argument, or by -File; a .ps1 program opens in Notepad', () => {
  const at = 'C:\\Scripts\\Assign-ToGroup.ps1';
  assert.equal(startAction({ program: 'powershell.exe', arguments: at }, at).scriptRan, true);
  assert.equal(
    startAction(
      { program: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', arguments: at },
      at,
    ).scriptRan,
    true,
  );
  assert.equal(startAction({ program: at, arguments: '' }, at).scriptRan, false);
  assert.equal(startAction({ program: 'cmd.exe', arguments: at }, at).scriptRan, false);
  const spaced = 'C:\\Lync Scripts\\Assign-ToGroup.ps1';
  const quoted = startAction({ program: 'powershell.exe', arguments: `"${spaced}"` }, spaced);
  assert.equal(quoted.scriptRan, false);
  assert.match(quoted.reason, /The term 'C:\\Lync' is not recognized/);
  assert.equal(
    startAction({ program: 'powershell.exe', arguments: `-File "${spaced}"` }, spaced).scriptRan,
    true,
  );
});
