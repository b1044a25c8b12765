/**
 * Task Scheduler starting a task's action, as Windows does it: the program is started with the
 * argument string; powershell.exe (2.0 to 4.0, the Lync Server 2010/2013 era) reads a first argument
 * that is not a switch, and everything after it, as the text of -Command; -File runs a script by path.
 */
export interface TaskAction {
  /** "Program/script" of the action. */
  program: string;
  /** "Add arguments (optional)". */
  arguments: string;
}

export interface ActionStart {
  /** Whether the script file ran. */
  scriptRan: boolean;
  /** What happened, in Windows's or PowerShell's words. */
  reason: string;
}

/** Splits a command line as CommandLineToArgvW does: white space separates, double quotes group. */
export function windowsArgv(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (const ch of line) {
    if (ch === '"') {
      quoted = !quoted;
      started = true;
    } else if (/\s/.test(ch) && !quoted) {
      if (started) out.push(current);
      current = '';
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (started) out.push(current);
  return out;
}

const baseName = (path: string) => path.split(/[\\/]/).pop()!.toLowerCase();

/** Starts the action on a machine where the script lives at `scriptPath`. */
export function startAction(action: TaskAction, scriptPath: string): ActionStart {
  const program = baseName(action.program.replace(/^"|"$/g, ''));
  if (program.endsWith('.ps1'))
    return {
      scriptRan: false,
      reason: 'Windows opens a .ps1 file with its default program, Notepad: the script does not run',
    };
  if (program !== 'powershell.exe' && program !== 'powershell')
    return { scriptRan: false, reason: `${action.program} is not PowerShell: the script does not run` };
  const argv = windowsArgv(action.arguments);
  if (argv.length === 0)
    return {
      scriptRan: false,
      reason: 'powershell.exe without arguments waits for input: the script does not run',
    };
  const fileAt = argv.findIndex((a) => a.toLowerCase() === '-file');
  if (fileAt >= 0) return runPath(argv[fileAt + 1] ?? '', scriptPath);
  if (argv[0].startsWith('-'))
    return { scriptRan: false, reason: `PowerShell reads ${argv[0]} as a switch, not as the script` };
  // -Command text: the first word of the joined arguments is the command PowerShell looks up.
  const command = argv.join(' ').trim();
  const first = command.startsWith("'")
    ? (command.match(/^'([^']*)'/)?.[1] ?? command)
    : command.split(/\s+/)[0];
  if (command.startsWith("'"))
    return {
      scriptRan: false,
      reason: `PowerShell reads '${first}' as a string and prints it: the script does not run`,
    };
  return runPath(first, scriptPath);
}

function runPath(path: string, scriptPath: string): ActionStart {
  if (path.toLowerCase() === scriptPath.toLowerCase())
    return { scriptRan: true, reason: `PowerShell runs ${scriptPath}` };
  return {
    scriptRan: false,
    reason: `The term '${path}' is not recognized as the name of a cmdlet, function, script file, or operable program`,
  };
}
