/**
 * V8 keeps a string of 13 or more characters made by joining (`${a}@${b}`) or cutting (`line.slice(8)`)
 * others as a view: 32 bytes that keep the parts, or the whole text it was cut from, alive; and a joined
 * string read for the first time gets a flat copy beside the view. Code that holds values for the
 * whole run (the harness's directory objects, the mock DC's) keeps its own characters instead.
 */
const VIEW_MIN = 13;

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Room for a value of up to 21,845 characters (three UTF-8 bytes each at most). */
const scratch = new Uint8Array(64 * 1024);

/**
 * The same text in a string of its own. A UTF-8 round trip through one reused buffer is the cheapest
 * copy (about 90 ns for a SIP address); a lone surrogate, which UTF-8 cannot carry, goes through JSON,
 * which keeps every code unit.
 */
export function ownText(value: string): string {
  if (value.length < VIEW_MIN) return value;
  if (value.length * 3 <= scratch.length && value.isWellFormed()) {
    const { written } = encoder.encodeInto(value, scratch);
    return decoder.decode(scratch.subarray(0, written));
  }
  return JSON.parse(JSON.stringify(value));
}
