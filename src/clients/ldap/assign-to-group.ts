/** The field notes' Assign-ToGroup.ps1 (argument lines commented out, as the notes run it). */
export const ASSIGN_TO_GROUP_PS1 = `import-module 'C:\\Program Files\\Common Files\\Microsoft Lync Server 2013\\Modules\\Lync\\Lync.psd1'
#Note: The above quotes must be single ticks and not double quotes or the task scheduler will not fire.
#Purpose: Assign the Recording Policy to all members of the global Group CSLyncRecordingUsers
#$strFilter = "(&(objectCategory=Group)(SamAccountName=" + $args[0] +"))"
$strFilter = "(&(objectCategory=Group)(SamAccountName=CSLyncRecordingUsers))"
$objDomain = New-Object System.DirectoryServices.DirectoryEntry
$objSearcher = New-Object System.DirectoryServices.DirectorySearcher
$objSearcher.SearchRoot = $objDomain
$objSearcher.Filter = $strFilter
$objSearcher.SearchScope = "Subtree"
$colProplist = "member"
foreach ($i in $colPropList) {[void] $objSearcher.PropertiesToLoad.Add($i)}
$colResults = $objSearcher.FindAll()
foreach ($objResult in $colResults) {$objItem = $objResult.Properties; $group = $objItem.member}
foreach ($x in $group) {
#  Grant-CsConferencingPolicy $x -PolicyName $args[1]
   Grant-CsConferencingPolicy $x -PolicyName "RecordingAllowed"
}
`;

/** The same script with the import-module path quoted differently (POL-03). */
export function withImportQuotes(script: string, open: string, close: string): string {
  return script.replace(
    /^(import-module\s+)'([^'\r\n]*)'/m,
    (_, head: string, path: string) => `${head}${open}${path}${close}`,
  );
}

export interface ParsedScript {
  /** The quote characters around the module path, as written. */
  importQuotes: string;
  filter: string;
  scope: string;
  property: string;
  policy: string;
}

const QUOTED = /["'\u2018\u2019\u201c\u201d]([^"'\u2018\u2019\u201c\u201d]*)["'\u2018\u2019\u201c\u201d]/;

/** Reads what the task needs from the script text (uncommented lines only); undefined when a part is missing. */
export function parseScript(script: string): ParsedScript | undefined {
  const lines = script.split(/\r?\n/).filter((l) => !/^\s*#/.test(l));
  const find = (re: RegExp) => lines.find((l) => re.test(l));
  const importLine = find(/^\s*import-module\b/i);
  const filterLine = find(/^\s*\$strFilter\s*=/i);
  const grantLine = find(/Grant-CsConferencingPolicy/i);
  if (!importLine || !filterLine || !grantLine) return undefined;
  // Import-Module's path is its first positional argument; switches such as -Force may stand around it.
  const arg = importLine
    .replace(/^\s*import-module\s+/i, '')
    .replace(/^(?:-(?:force|global|name:?)\s*)+/i, '')
    .trim();
  const quoted =
    /^(["'\u2018\u2019\u201c\u201d])[^"'\u2018\u2019\u201c\u201d]*(["'\u2018\u2019\u201c\u201d])/.exec(arg);
  return {
    importQuotes: quoted ? `${quoted[1]}${quoted[2]}` : `${arg[0]}${arg[arg.length - 1]}`,
    filter: QUOTED.exec(filterLine)?.[1] ?? '',
    scope: QUOTED.exec(find(/SearchScope\s*=/i) ?? '')?.[1] ?? 'Subtree',
    property: QUOTED.exec(find(/\$colProplist\s*=/i) ?? '')?.[1] ?? 'member',
    policy: QUOTED.exec(grantLine.slice(grantLine.search(/-PolicyName/i)))?.[1] ?? '',
  };
}
