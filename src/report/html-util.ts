/** Escapes text for HTML content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON for a <script type="application/json"> block: nothing in it can close the script element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** CSS class for a status word ("not covered" → "not-covered"). */
export function statusClass(status: string): string {
  return `st-${status.replace(/\s+/g, '-')}`;
}

export function badge(status: string): string {
  return `<span class="badge ${statusClass(status)}">${esc(status)}</span>`;
}

export const num = (n: number) => n.toLocaleString('en');

/** A link to a file of the run folder (relative, so the folder can be moved or zipped). */
export function fileLink(path: string, label = path): string {
  const href = path.replace(/\\/g, '/');
  return `<a href="${esc(href)}">${esc(label.replace(/\\/g, '/'))}</a>`;
}

/** What a waived rule's own status was, in words: "the rule failed". */
export function underlyingWords(status: string): string {
  const words: Record<string, string> = {
    failed: 'the rule failed',
    incomplete: 'the rule’s scenarios did not finish',
    'not run': 'the rule was not run',
    'not covered': 'no scenario checks the rule',
  };
  return words[status] ?? `the rule was ${status}`;
}
