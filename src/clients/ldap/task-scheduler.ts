/**
 * Task Scheduler starting a task's action, as Windows does it: the program is started with the
 * argument string; powershell.exe (2.0 to 4.0, the Lync Server 2010/2013 era) reads a first argument
 * that is not a switch, or -Command, and everything after it as command text (about_PowerShell_exe:
 * "Command must be the last parameter"); -File runs a script by path and passes what follows to it.
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

/** powershell.exe's switches that take a value (the next argument), and those that stand alone. */
const VALUE_SWITCHES = new Set([
  '-executionpolicy',
  '-windowstyle',
  '-version',
  '-psconsolefile',
  '-inputformat',
  '-outputformat',
  '-configurationname',
]);
const FLAG_SWITCHES = new Set(['-noprofile', '-noninteractive', '-nologo', '-noexit', '-sta', '-mta']);

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
  // Switches are read left to right until -File (its path, then the script's own arguments), -Command
  // or the first argument that is not a switch: from there on, everything is the text of -Command.
  let at = 0;
  while (at < argv.length) {
    const name = argv[at].toLowerCase();
    if (name === '-file') return runPath(argv[at + 1] ?? '', scriptPath);
    if (name === '-command' || name === '-c') return runCommand(argv.slice(at + 1), scriptPath);
    if (!name.startsWith('-')) return runCommand(argv.slice(at), scriptPath);
    if (VALUE_SWITCHES.has(name)) at += 2;
    else if (FLAG_SWITCHES.has(name)) at += 1;
    else return { scriptRan: false, reason: `PowerShell reads ${argv[at]} as a switch, not as the script` };
  }
  return {
    scriptRan: false,
    reason: 'powershell.exe with switches only waits for input: the script does not run',
  };
}

/** -Command text: the arguments joined; its first word is the command PowerShell looks up. */
function runCommand(words: string[], scriptPath: string): ActionStart {
  const command = words.join(' ').trim();
  if (command.startsWith("'"))
    return {
      scriptRan: false,
      reason: `PowerShell reads '${command.match(/^'([^']*)'/)?.[1] ?? command}' as a string and prints it: the script does not run`,
    };
  return runPath(command.split(/\s+/)[0], scriptPath);
}

function runPath(path: string, scriptPath: string): ActionStart {
  if (path.toLowerCase() === scriptPath.toLowerCase())
    return { scriptRan: true, reason: `PowerShell runs ${scriptPath}` };
  return {
    scriptRan: false,
    reason: `The term '${path}' is not recognized as the name of a cmdlet, function, script file, or operable program`,
  };
}
