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

test('powershell.exe reads everything after -Command as command text, so -File there does not run the script', () => {
  const at = 'C:\\Scripts\\Assign-ToGroup.ps1';
  const start = (args: string) => startAction({ program: 'powershell.exe', arguments: args }, at);
  const afterCommand = start(`-Command -File ${at}`);
  assert.equal(afterCommand.scriptRan, false);
  assert.match(afterCommand.reason, /The term '-File' is not recognized/);
  assert.equal(start(`-NoProfile -Command -File ${at}`).scriptRan, false);
  assert.equal(start(`-c -File ${at}`).scriptRan, false, '-c is -Command');
  assert.equal(start(`-Command ${at}`).scriptRan, true, 'the path as the command text runs it');
  assert.equal(start(`-NoProfile -ExecutionPolicy Bypass -Command ${at}`).scriptRan, true);
  assert.equal(start(`-File ${at} -Command x`).scriptRan, true, "after -File's path: the script's arguments");
  assert.equal(
    start(`${at} -File x.ps1`).scriptRan,
    true,
    'a first argument that is not a switch starts the command text',
  );
});
