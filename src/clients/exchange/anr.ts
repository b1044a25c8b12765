/** What a client's local name resolution compares: names, alias and address, by prefix. */
export interface Searchable {
  displayName?: string;
  givenName?: string;
  surname?: string;
  account?: string;
  smtpAddress?: string;
}

/** Ambiguous name resolution over local records (Outlook's offline ANR): prefixes and "first last" pairs. */
export function anrMatches(record: Searchable, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return false;
  const fields = [record.displayName, record.givenName, record.surname, record.account, record.smtpAddress];
  if (fields.some((f) => f?.toLowerCase().startsWith(q))) return true;
  const [a, ...rest] = q.split(/\s+/);
  const b = rest.join(' ');
  if (!b) return false;
  const g = record.givenName?.toLowerCase() ?? '';
  const s = record.surname?.toLowerCase() ?? '';
  return (g.startsWith(a) && s.startsWith(b)) || (g.startsWith(b) && s.startsWith(a));
}
