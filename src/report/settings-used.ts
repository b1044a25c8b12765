/** What a scenario attaches: the catalog settings its steps read, with the value they used. */
export const SETTINGS_MEDIA_TYPE = 'application/vnd.lync-harness.settings+json';

export type UsedSettings = Record<string, { value: string; isDefault: boolean }>;

/**
 * Settings given for the run (on the command line) that no scenario read: they changed nothing,
 * and the report says so rather than listing them as what the rules ran under.
 */
export function settingsNotUsed(
  given: Record<string, { isDefault: boolean }>,
  used: Iterable<string>,
): string[] {
  const read = new Set(used);
  return Object.entries(given)
    .filter(([name, s]) => !s.isDefault && !read.has(name))
    .map(([name]) => name)
    .sort();
}
