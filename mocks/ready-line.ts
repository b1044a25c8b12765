/**
 * The one line a mock started on its own (mocks/serve-one.ts) prints once it listens, so whoever
 * started it (the container harness, a user's script) learns its URLs from the log. With host
 * networking a container's ephemeral ports are the host's, so the line is all a caller needs.
 */
export const READY_PREFIX = 'LYNC_MOCK_READY ';

export interface ReadyInfo {
  service: string;
  urls: Record<string, string>;
}

export function formatReadyLine(info: ReadyInfo): string {
  return READY_PREFIX + JSON.stringify({ service: info.service, urls: info.urls });
}

/** The ready info in a log line, or undefined when the line is not a ready line. */
export function parseReadyLine(line: string): ReadyInfo | undefined {
  const at = line.indexOf(READY_PREFIX);
  if (at < 0) return undefined;
  try {
    const info = JSON.parse(line.slice(at + READY_PREFIX.length)) as ReadyInfo;
    if (typeof info.service !== 'string' || typeof info.urls?.admin !== 'string') return undefined;
    return info;
  } catch {
    return undefined;
  }
}
