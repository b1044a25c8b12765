/** Malformed LDIF: names the file, the line and (when known) the attribute. */
export class LdifError extends Error {
  readonly file: string;
  readonly line: number;
  readonly attribute?: string;

  constructor(file: string, line: number, problem: string, attribute?: string) {
    super(`${file}:${line}: ${attribute ? `attribute '${attribute}': ` : ''}${problem}`);
    this.name = 'LdifError';
    this.file = file;
    this.line = line;
    this.attribute = attribute;
  }
}
