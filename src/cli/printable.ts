import { UNSAFE_TEXT } from '../wallet/names.js';

/**
 * Text from files and from the vault (names, notes, addresses as a file wrote them, error messages
 * that quote them) is untrusted: a name holding ESC, CR or an OSC 52 sequence can rewrite what the
 * terminal shows or set the clipboard (security review #5). Everything keepsake writes to a terminal
 * or a stream goes through this module: {@link printable} for human text, {@link jsonText} for JSON.
 */

/** Every code point of {@link UNSAFE_TEXT} (the set names are refused for: one set, two guards). */
const UNSAFE_ALL = new RegExp(UNSAFE_TEXT.source, 'gu');
/** The same set minus C0, which JSON.stringify already escapes inside strings (a raw LF in JSON is layout). */
const UNSAFE_IN_JSON = new RegExp(`(?![\\u0000-\\u001f])${UNSAFE_TEXT.source}`, 'gu');

/**
 * Printable ASCII: text made only of it holds nothing to escape, and testing this simple class first
 * skips the Unicode-property scan (a 10,000-account listing is megabytes of text). In JSON a raw line
 * break is layout (JSON.stringify escapes those inside strings), so JSON text may hold them too.
 */
const PLAIN = /^[\x20-\x7e]*$/;
const PLAIN_JSON = /^[\x20-\x7e\n]*$/;

function escapeCodePoint(ch: string): string {
  const cp = ch.codePointAt(0)!;
  return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every unsafe code point shown escaped (`\u001b`, `\u202e`, `\u{e0041}`), so it is
 * visible and inert; printable text passes unchanged.
 *
 * @example
 * printable('Savings\u001b]52;c;…\u0007') // → 'Savings\\u001b]52;c;…\\u0007'
 */
export function printable(text: string): string {
  return PLAIN.test(text) ? text : text.replace(UNSAFE_ALL, escapeCodePoint);
}

/**
 * `JSON.stringify(value, null, indent)` with the unsafe code points JSON leaves raw (DEL, C1, bidi
 * and other format characters, U+2028/2029, as `\uXXXX`): the same data for a JSON reader, inert on a
 * terminal.
 */
export function jsonText(value: unknown, indent?: number): string {
  // Per UTF-16 unit: an astral format character (a tag) becomes a surrogate pair, the only escape JSON has for it.
  const escape = (ch: string) =>
    ch
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join('');
  const text = JSON.stringify(value, null, indent);
  return PLAIN_JSON.test(text) ? text : text.replace(UNSAFE_IN_JSON, escape);
}

/**
 * A piece of terminal output whose control characters keepsake put there itself (line breaks,
 * colour). Made only by {@link line} and by `color()` in io.ts; `out`/`say` write it as it is.
 */
export class Line {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/**
 * The one way to build human output that quotes values. A tagged template, so the split between
 * trusted and untrusted text is the template syntax itself: the literal parts (written here, in the
 * source) pass as they are — their `\n` and layout are ours — and every `${value}` is passed through
 * {@link printable}, unless it is already a {@link Line} (a colour label, a nested line). Forgetting
 * the tag is safe too: `out`/`say` escape a plain string (all but its line breaks).
 *
 * @example
 * out(io, line`${color(io, 'green', 'restored')}  ${address} "${name}"`)
 */
export function line(strings: TemplateStringsArray, ...values: unknown[]): Line {
  let text = strings[0]!;
  values.forEach((value, i) => {
    text += (value instanceof Line ? value.text : printable(String(value))) + strings[i + 1]!;
  });
  return new Line(text);
}

/**
 * The text to write for `value`: a {@link Line} as it is; a plain string escaped, keeping only its
 * line breaks (a caller's own multi-line message; a value that should not break lines goes through {@link line}).
 */
export function lineText(value: Line | string): string {
  return value instanceof Line ? value.text : value.split('\n').map(printable).join('\n');
}
