import { TOKEN_PLACEHOLDER } from './admin-inputs';
import type { FuzzInput } from './input';

/** The request with one header line left out, for each header but the one carrying the admin token. */
export function withoutOneHeader(input: FuzzInput): FuzzInput[] {
  const end = input.bytes.indexOf('\r\n\r\n');
  if (end < 0) return [];
  const lines = input.bytes.subarray(0, end).toString('latin1').split('\r\n');
  const body = input.bytes.subarray(end);
  return lines
    .map((line, i) => ({ line, i }))
    .filter(({ line, i }) => i > 0 && !line.includes(TOKEN_PLACEHOLDER))
    .map(({ i }) => ({
      ...input,
      bytes: Buffer.concat([Buffer.from(lines.filter((_, k) => k !== i).join('\r\n'), 'latin1'), body]),
    }));
}
