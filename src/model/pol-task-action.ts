import { mechanism } from './mechanism';
import { type Verdict, verdict } from './verdict';

/** A scheduled task's action: the program it starts and the arguments it passes. */
export interface TaskActionSetup {
  program: string;
  arguments: string;
  /** Where the script is saved. */
  scriptPath: string;
}

/** powershell.exe's own switches, which may stand before -File, -Command or the command text. */
const SWITCHES =
  /^(?:-(?:noprofile|noninteractive|nologo|noexit|sta|mta|(?:executionpolicy|windowstyle|version|psconsolefile|inputformat|outputformat|configurationname)\s+\S+)\s+)*/i;

/** -File and its path; everything after the path is the script's own arguments ("-File ... must be the last parameter"). */
const FILE_ARGUMENT = /^-file\s+(?:"([^"]+)"|(\S+))(?:\s|$)/i;

const fileName = (path: string) => path.replace(/^"|"$/g, '').split(/[\\/]/).pop()!.toLowerCase();

/**
 * POL-06: the notes' task "just needs to reference powershell.exe and then a single parameter with the
 * location of the script". The path is one parameter only without white space: powershell.exe reads its
 * arguments as a command, so a path with a space needs -File (derived). A .ps1 as the program opens in
 * Notepad instead of running.
 */
export function taskActionRunsScript(setup: TaskActionSetup): Verdict<boolean> {
  const no = (why: string) => verdict(taskActionRunsScript, false, ['POL-06'], why);
  const program = fileName(setup.program);
  if (program.endsWith('.ps1')) return no('the action names the script itself, not powershell.exe');
  // CreateProcess appends .exe to a program named without an extension, so "powershell" starts it too.
  if (program !== 'powershell.exe' && program !== 'powershell')
    return no(`the action starts ${setup.program}, not powershell.exe`);
  const args = setup.arguments.trim().replace(SWITCHES, '');
  const path = setup.scriptPath.toLowerCase();
  const file = FILE_ARGUMENT.exec(args);
  if (file)
    return (file[1] ?? file[2]).toLowerCase() === path
      ? verdict(taskActionRunsScript, true, ['POL-06'], 'powershell.exe -File with the script path')
      : no(`-File names ${file[1] ?? file[2]}, not the script at ${setup.scriptPath}`);
  // PowerShell 6+ reads a first argument that is not a switch as the -File path (a selftest fact). Only a
  // quoted one reads differently from command text, whose first word is looked up the same way below.
  const first = /^"([^"]+)"(?:\s|$)/.exec(args);
  if (first && mechanism().pol.firstArgumentIsFile)
    return first[1].toLowerCase() === path
      ? verdict(
          taskActionRunsScript,
          true,
          ['POL-06'],
          'the first argument is read as -File: the script runs',
        )
      : no(`the first argument ${first[1]} is not the script at ${setup.scriptPath}`);
  // Otherwise the rest (after -Command, if given) is command text; its first word is looked up.
  const command = args
    .replace(/^-c(?:ommand)?(?:\s+|$)/i, '')
    .replace(/"/g, '')
    .trim()
    .toLowerCase();
  if (command.split(/\s+/)[0] === path)
    return verdict(
      taskActionRunsScript,
      true,
      ['POL-06'],
      'powershell.exe with the script path as its command',
    );
  if (command === path)
    return no('a path with white space is read as a command and its first word is not found');
  return no(`the arguments "${setup.arguments.trim()}" do not name the script at ${setup.scriptPath}`);
}
