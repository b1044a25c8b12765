import { UsageError } from './usage-error';

/** The parts of a terminal the prompt uses (process.stdin / process.stderr, or fakes in tests). */
export interface PromptInput {
  isRaw?: boolean;
  setRawMode(raw: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  resume(): unknown;
  pause(): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  removeListener(event: 'data', listener: (chunk: string) => void): unknown;
}

/**
 * Asks for a secret on a terminal without echoing it: raw mode, so the terminal shows nothing of
 * what is typed. Enter ends it, Backspace removes a character, Ctrl-C or Ctrl-D gives up.
 */
export function promptHidden(
  question: string,
  input: PromptInput,
  output: { write(text: string): unknown },
): Promise<string> {
  return new Promise((resolvePrompt, reject) => {
    const wasRaw = Boolean(input.isRaw);
    let typed = '';
    const finish = (error?: Error) => {
      input.removeListener('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolvePrompt(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004')
          return finish(new UsageError('the password prompt was cancelled'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    output.write(question);
    input.setEncoding('utf8');
    input.setRawMode(true);
    input.on('data', onData);
    input.resume();
  });
}
