import { decodeHTML } from "entities";

/**
 * An independent statement of what the pipeline must keep of a line of text, walked code
 * point by code point: XML 1.0 §2.2 Char (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
 * [#x10000-#x10FFFF]) less what no reader can show: DEL, the C1 controls U+0080–U+009F and
 * the Unicode noncharacters (U+FDD0–U+FDEF and U+nFFFE/U+nFFFF in every plane).
 */
export function keepShowableChars(text: string): string {
  let kept = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const xmlChar =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      code >= 0x10000;
    const control = code >= 0x7f && code <= 0x9f;
    const noncharacter = (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
    if (xmlChar && !control && !noncharacter) kept += char;
  }
  return kept;
}

/**
 * What the article model should hold for one line of a field. A CR inside a line is a space:
 * XML readers would turn it into LF (XML 1.0 §2.11) and JSON would keep it.
 */
export function expectedLine(line: string): string {
  return keepShowableChars(line).replaceAll("\r", " ").trim();
}

/** Paragraph texts of the content HTML (`<p>…</p>` per paragraph), or undefined if it holds anything else. */
export function paragraphsOfContentHtml(contentHtml: string): string[] | undefined {
  const paragraphs: string[] = [];
  const rest = contentHtml.replace(/<p>([^<]*)<\/p>\n/g, (_, text: string) => {
    paragraphs.push(decodeHTML(text));
    return "";
  });
  return rest === "" ? paragraphs : undefined;
}
