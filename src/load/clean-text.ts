/**
 * Characters no reader can show, removed once, here, before any renderer sees the text, so
 * every output (XML, JSON, HTML) says the same thing:
 * - what XML 1.0 cannot carry at all (§2.2 Char): C0 controls other than tab, LF and CR, and
 *   unpaired surrogates;
 * - DEL and the C1 controls U+0080–U+009F (XML 1.0 §2.2 discourages them; HTML's "control"
 *   parse error), NEL U+0085 and CSI U+009B among them;
 * - the Unicode noncharacters (Unicode §23.7): U+FDD0–U+FDEF and the last two code points of
 *   every plane, U+FFFE/U+FFFF to U+10FFFE/U+10FFFF.
 * With the `u` flag a surrogate class matches only an unpaired surrogate, and an astral code
 * point is one character.
 */
const UNSHOWABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

/**
 * Every match of UNSHOWABLE holds one of these UTF-16 units (an astral noncharacter is a
 * surrogate pair). Almost no text does, and this plain class is far cheaper than a full
 * pattern, so it screens first (before it did, the build spent a sixth of its parse time in
 * the full pattern on a 10,000-article corpus).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const MAYBE_UNSHOWABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

export interface CleanedText {
  readonly text: string;
  /** How many code points were removed (an astral noncharacter counts once). */
  readonly removed: number;
}

export function removeUnshowable(text: string): CleanedText {
  if (!MAYBE_UNSHOWABLE.test(text)) return { text, removed: 0 };
  const cleaned = text.replace(UNSHOWABLE, "");
  // Counting matches costs a second scan, paid only by the rare text that had one.
  return { text: cleaned, removed: cleaned.length === text.length ? 0 : (text.match(UNSHOWABLE)?.length ?? 0) };
}
