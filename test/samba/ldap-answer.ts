import { execFile, spawnSync } from 'node:child_process';

/** One LDAP request as ldapsearch (OpenLDAP's client) sends it: a bind, then a search unless `bindOnly`. */
export interface LdapQuery {
  name: string;
  /** Bind name (DN, UPN or DOMAIN\user) and password; absent: no bind at all. */
  bind?: { name: string; password: string };
  bindOnly?: boolean;
  base?: string;
  scope?: 'base' | 'one' | 'sub';
  filter?: string;
  attributes?: string[];
  /** Page size for the paged results control (`-E pr=N/noprompt`). */
  pageSize?: number;
}

export interface LdapAnswer {
  /** The bind's or the search's result code (0 when both succeeded). */
  code: number;
  /** The server's diagnostic text. */
  text: string;
  matchedDN: string;
  /** Entries by DN as the server wrote it: attribute (lower-cased name as sent back) -> values. */
  entries: Map<string, Record<string, string[]>>;
  /** Search result references (continuation URLs). */
  references: string[];
}

/** Sends `query` to `url` with ldapsearch and reads its whole answer: entries, result, matchedDN, text. */
export function ask(url: string, query: LdapQuery): LdapAnswer {
  const run = spawnSync('ldapsearch', ldapsearchArgs(url, query), { encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw new Error(`ldapsearch did not run: ${run.error.message} (apt-get install ldap-utils)`);
  return readAnswer(run.stdout, run.stderr);
}

/** `ask` without blocking, so that several requests can be in flight (the conformance replay). */
export function askAsync(url: string, query: LdapQuery): Promise<LdapAnswer> {
  return new Promise((resolve, reject) => {
    execFile(
      'ldapsearch',
      ldapsearchArgs(url, query),
      { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // ldapsearch exits non-zero on an LDAP error: its answer is still on stdout and stderr.
        if (error && typeof (error as { code?: unknown }).code !== 'number')
          reject(new Error(`ldapsearch did not run: ${error.message} (apt-get install ldap-utils)`));
        else resolve(readAnswer(stdout, stderr));
      },
    );
  });
}

function ldapsearchArgs(url: string, query: LdapQuery): string[] {
  const args = ['-x', '-H', url, '-o', 'ldif-wrap=no'];
  if (query.bind) args.push('-D', query.bind.name, '-w', query.bind.password);
  args.push(
    '-b',
    query.bindOnly ? '' : (query.base ?? ''),
    '-s',
    query.bindOnly ? 'base' : (query.scope ?? 'sub'),
  );
  if (query.pageSize) args.push('-E', `pr=${query.pageSize}/noprompt`);
  args.push(query.bindOnly ? '(objectClass=*)' : (query.filter ?? '(objectClass=*)'));
  args.push(...(query.bindOnly ? ['1.1'] : (query.attributes ?? [])));
  return args;
}

function readAnswer(stdout: string, stderr: string): LdapAnswer {
  const answer: LdapAnswer = { code: 0, text: '', matchedDN: '', entries: new Map(), references: [] };
  readStdout(stdout, answer);
  readStderr(stderr, answer);
  return answer;
}

function readStdout(stdout: string, answer: LdapAnswer): void {
  for (const block of stdout.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l && !l.startsWith('#'));
    if (!lines.length) continue;
    if (/^dn::? /.test(lines[0])) {
      const [first, ...rest] = lines;
      const attrs: Record<string, string[]> = {};
      for (const line of rest) {
        const [name, value] = splitLine(line);
        const key = name.toLowerCase();
        attrs[key] = [...(attrs[key] ?? []), value];
      }
      answer.entries.set(splitLine(first)[1], attrs);
      continue;
    }
    for (const line of lines) {
      const [name, value] = splitLine(line);
      if (name === 'ref') answer.references.push(value);
      else if (name === 'result') answer.code = Number.parseInt(value, 10);
      else if (name === 'matchedDN') answer.matchedDN = value;
      else if (name === 'text') answer.text = value;
    }
  }
}

/** A failed bind (or a search error with -LLL) is on stderr: "ldap_bind: Invalid credentials (49)". */
function readStderr(stderr: string, answer: LdapAnswer): void {
  const failure = /^ldap_\w+: .*\((-?\d+)\)$/m.exec(stderr);
  if (failure) answer.code = Number(failure[1]);
  const info = /^\s+additional info: (.*)$/m.exec(stderr);
  if (info) answer.text = info[1];
  const matched = /^\s+matched DN: (.*)$/m.exec(stderr);
  if (matched) answer.matchedDN = matched[1];
}

function splitLine(line: string): [string, string] {
  const colon = line.indexOf(':');
  const name = line.slice(0, colon);
  if (line[colon + 1] === ':') {
    const bytes = Buffer.from(line.slice(colon + 2).trim(), 'base64');
    const text = bytes.toString('utf8');
    return [name, Buffer.from(text, 'utf8').equals(bytes) ? text : `hex:${bytes.toString('hex')}`];
  }
  return [name, line.slice(colon + 1).replace(/^ /, '')];
}
