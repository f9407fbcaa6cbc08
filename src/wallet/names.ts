import { InvalidNameError, UnsafeNameError } from '../errors/name.js';

/** The longest name keepsake stores (in UTF-16 units, as `String.length` counts). */
export const NAME_MAX = 200;

/**
 * Code points that must never reach a terminal: C0 controls (ESC, CR, LF, TAB, BEL…), DEL and C1
 * (U+0080–U+009F; CSI U+009B and OSC U+009D start sequences on some terminals) — all of `\p{Cc}`;
 * format characters `\p{Cf}`: bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), U+061C, LRM/RLM, zero-width space, BOM, soft hyphen, tag characters (hidden text);
 * line and paragraph separators (U+2028/U+2029, which some terminals and viewers break on); and lone
 * surrogates; and the whole Tags block U+E0000–U+E007F, its unassigned code points too (as
 * invisible as the tags, and a later Unicode may assign them). Kept: ZWNJ and ZWJ (U+200C/U+200D),
 * which Persian and Indic scripts and emoji sequences need and which cannot move or hide other text.
 *
 * One set for both uses (security review #5): names holding any of these are refused on input and
 * import ({@link nameValidate}), and the CLI escapes them in everything it prints (cli/printable.ts).
 */
export const UNSAFE_TEXT = /(?![\u200c\u200d])[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u{E0000}-\u{E007F}]/u;

/** The first code point of `text` in {@link UNSAFE_TEXT}, as `U+XXXX`, or undefined. */
export function unsafeCharFind(text: string): string | undefined {
  const found = UNSAFE_TEXT.exec(text)?.[0];
  return found === undefined ? undefined : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A name typed for an account, identity or address-book entry, trimmed: 1 to 200 characters, none
 * of them a control or invisible formatting character. `what` names it in the error ("account").
 *
 * @example
 * nameValidate('  Savings ', 'account') // → 'Savings'
 */
export function nameValidate(name: string, what: string): string {
  const trimmed = name.trim();
  const codePoint = unsafeCharFind(trimmed);
  if (codePoint !== undefined) throw new InvalidNameError({ what, max: NAME_MAX, codePoint });
  if (trimmed.length === 0 || trimmed.length > NAME_MAX) throw new InvalidNameError({ what, max: NAME_MAX });
  return trimmed;
}

/**
 * Refuses a whole file (all or nothing) when a name in it holds a character of {@link UNSAFE_TEXT},
 * saying which item (by its position, never quoting the name). Non-string names are left to the reader.
 */
export function fileNamesCheck(file: string | undefined, items: readonly { item: string; name: unknown }[]): void {
  for (const { item, name } of items) {
    const codePoint = typeof name === 'string' ? unsafeCharFind(name) : undefined;
    if (codePoint !== undefined) throw new UnsafeNameError({ file, item, codePoint, scope: 'file' });
  }
}
