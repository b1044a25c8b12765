import { type Verdict, verdict } from './verdict';

/** A scheduled task's action: the program it starts and the arguments it passes. */
export interface TaskActionSetup {
  program: string;
  arguments: string;
  /** Where the script is saved. */
  scriptPath: string;
}

/**
 * powershell.exe -File: its switches may come first; everything after the path is the script's own
 * arguments ("-File ... must be the last parameter", powershell.exe -?).
 */
const FILE_ARGUMENT =
  /^(?:-(?:noprofile|noninteractive|nologo|noexit|sta|mta|(?:executionpolicy|windowstyle|version)\s+\S+)\s+)*-file\s+(?:"([^"]+)"|(\S+))(?:\s|$)/i;

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
  const args = setup.arguments.trim();
  const path = setup.scriptPath;
  if (args.toLowerCase() === path.toLowerCase() && !/\s/.test(path))
    return verdict(
      taskActionRunsScript,
      true,
      ['POL-06'],
      'powershell.exe with the script path as its one parameter',
    );
  const file = FILE_ARGUMENT.exec(args);
  if (file && (file[1] ?? file[2]).toLowerCase() === path.toLowerCase())
    return verdict(taskActionRunsScript, true, ['POL-06'], 'powershell.exe -File with the script path');
  if (args.toLowerCase().replace(/"/g, '') === path.toLowerCase())
    return no('a path with white space is read as a command and its first word is not found');
  return no(`the arguments "${args}" do not name the script at ${path}`);
}
