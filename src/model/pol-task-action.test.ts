import assert from 'node:assert/strict';
import { test } from 'node:test';
import { taskActionRunsScript } from './pol-task-action';

const script = 'C:\\Scripts\\Assign-ToGroup.ps1';
const spaced = 'C:\\Lync Scripts\\Assign-ToGroup.ps1';
const runs = (program: string, args: string, scriptPath = script) =>
  taskActionRunsScript({ program, arguments: args, scriptPath }).value;

test("POL-06: the notes' action, powershell.exe and the script's location, runs the script", () => {
  assert.equal(runs('powershell.exe', script), true);
  assert.equal(runs('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\PowerShell.EXE', script), true);
  assert.equal(runs('"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"', script), true);
  assert.equal(runs('powershell.exe', `  ${script.toLowerCase()} `), true, 'Windows paths ignore case');
  assert.equal(runs('PowerShell', script), true, 'without .exe: Windows appends it');
  assert.deepEqual(
    taskActionRunsScript({ program: 'powershell.exe', arguments: script, scriptPath: script }).rules,
    ['POL-06'],
  );
});

test('POL-06: the script itself, another program or other arguments do not run it', () => {
  assert.equal(runs(script, ''), false, 'a .ps1 as the program opens in Notepad');
  assert.equal(runs('"C:\\Scripts\\ASSIGN-TOGROUP.PS1"', script), false, 'quoted, upper case');
  assert.equal(runs('cmd.exe', script), false);
  assert.equal(runs('C:\\Tools\\powershell.exe.bak', script), false);
  assert.equal(runs('powershell.cmd', script), false);
  assert.equal(runs('powershell.exe', 'C:\\Scripts\\Assign-ToGroup'), false, 'without .ps1');
  assert.equal(runs('powershell.exe', 'C:\\Scripts\\Other.ps1'), false);
  assert.equal(runs('powershell.exe', ''), false);
  assert.deepEqual(taskActionRunsScript({ program: 'cmd.exe', arguments: '', scriptPath: script }).rules, [
    'POL-06',
  ]);
});

test('POL-06: a location with white space runs only through -File', () => {
  assert.equal(runs('powershell.exe', spaced, spaced), false, 'bare: read as a command');
  assert.equal(runs('powershell.exe', `"${spaced}"`, spaced), false, 'quoted: still a command');
  assert.equal(runs('powershell.exe', `-File "${spaced}"`, spaced), true);
  assert.equal(runs('powershell.exe', `-file "${spaced.toUpperCase()}"`, spaced), true);
  assert.equal(runs('powershell.exe', `-File ${script}`, script), true, 'unquoted without a space');
  assert.equal(runs('powershell.exe', `-File "C:\\Other Scripts\\x.ps1"`, spaced), false);
  assert.equal(
    runs('powershell.exe', `-File ${spaced}`, spaced),
    false,
    'unquoted, the path is cut at the space',
  );
  assert.equal(runs('powershell.exe', `-NoProfile -ExecutionPolicy Bypass -File "${spaced}"`, spaced), true);
  assert.equal(
    runs('powershell.exe', `-File ${script} CSLyncRecordingUsers`),
    true,
    "the script's own argument",
  );
  assert.equal(
    runs('powershell.exe', `-Command -File ${script}`),
    false,
    '-File after -Command is command text',
  );
  assert.equal(runs('powershell.exe', `-File ${script}x`), false);
  assert.equal(
    runs('powershell.exe', `-NoProfile  -ExecutionPolicy   Bypass  -File   ${script}`),
    true,
    'any blanks',
  );
});

test('POL-06: why it does not run is said', () => {
  const reason = (program: string, args: string, at = script) =>
    taskActionRunsScript({ program, arguments: args, scriptPath: at }).reason;
  assert.match(reason(script, ''), /script itself/);
  assert.match(reason('cmd.exe', script), /cmd\.exe/);
  assert.match(reason('powershell.exe', `"${spaced}"`, spaced), /white space/);
  assert.match(reason('powershell.exe', 'x.ps1'), /do not name the script/);
});

test('POL-06: the command text of powershell.exe, after its switches or -Command, is the script path', () => {
  assert.equal(runs('powershell.exe', `-Command ${script}`), true, 'the path as -Command text');
  assert.equal(runs('powershell.exe', `-c ${script}`), true, '-c is -Command');
  assert.equal(runs('powershell.exe', `-NoProfile -ExecutionPolicy Bypass ${script}`), true);
  assert.equal(runs('powershell.exe', `"${script}"`), true, 'quotes group and disappear');
  assert.equal(runs('powershell.exe', `-NoProfile -Command -File ${script}`), false);
  assert.equal(runs('powershell.exe', `'${script}'`), false, 'a string, printed');
  assert.equal(runs('powershell.exe', `-Unknown ${script}`), false, 'not a switch of powershell.exe');
  assert.equal(runs('powershell.exe', `-NoProfile`), false, 'switches only');
});

test('POL-06: blanks before the arguments, an empty quoted argument, a path holding "-c"', () => {
  assert.equal(runs('powershell.exe', `   -File ${script}`), true, 'blanks before -File');
  assert.equal(
    runs('powershell.exe', `"" ${script}`),
    true,
    'an empty first argument joins the command text',
  );
  const dashC = 'C:\\Tools\\Run-c';
  assert.equal(runs('powershell.exe', dashC, dashC), true, '-c is -Command only at the start');
});
