import { type Verdict, verdict } from './verdict';

export type ImportQuotes = 'single' | 'typographic' | 'double' | 'none';

const SWITCHES = /^-(force|global|passthru|ascustomobject|disablenamechecking|noclobber|verbose|debug)$/i;
const NAME = /^-name(:|$)/i;

/**
 * The words of an argument list as PowerShell splits them: blanks separate, quoted runs keep theirs.
 * A comment needs no cutting: a `#` word before the path is never a quoted path either.
 */
function words(text: string): string[] {
  return text.match(/(?:'(?:[^']|'')*'|"[^"]*"|[^\s;'"])+/g) ?? [];
}

/**
 * The module path of an import-module line: Import-Module's -Name is positional ("Import-Module [-Name]
 * <String[]> [-Force] ..."), so it is the first word that is not a parameter, or the value after -Name;
 * switches such as -Force may come before or after it.
 */
function modulePath(args: string): string {
  const list = words(args);
  for (let i = 0; i < list.length; i++) {
    const word = list[i];
    const named = NAME.exec(word);
    if (named) return named[1] ? word.slice(word.indexOf(':') + 1) : (list[i + 1] ?? '');
    if (!word.startsWith('-')) return word;
    if (!SWITCHES.test(word)) i++;
  }
  return '';
}

/** POL-03: the quote characters around the import-module path decide whether the task fires. */
export function importModuleQuotes(script: string): Verdict<ImportQuotes> {
  const line = script.split(/\r?\n/).find((l) => /^\s*import-module\b/i.test(l));
  if (!line) return verdict(importModuleQuotes, 'none', ['POL-03'], 'the script has no import-module line');
  const path = modulePath(line.replace(/^\s*import-module\b/i, ''));
  if (/^'.*'$/.test(path))
    return verdict(importModuleQuotes, 'single', ['POL-03'], 'plain single quotes: the task fires');
  if (/^[\u2018\u2019]/.test(path))
    return verdict(
      importModuleQuotes,
      'typographic',
      ['POL-03'],
      'typographic quotes: the task does not fire',
    );
  if (/^["\u201c\u201d]/.test(path))
    return verdict(importModuleQuotes, 'double', ['POL-03'], 'double quotes: the task does not fire');
  return verdict(importModuleQuotes, 'none', ['POL-03'], 'the module path is not quoted');
}
