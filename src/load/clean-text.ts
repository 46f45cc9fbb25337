/**
 * Characters XML 1.0 cannot carry at all (§2.2 Char): C0 controls other than tab, LF and CR,
 * U+FFFE, U+FFFF, and unpaired surrogates. They are removed once, here, before any renderer
 * sees the text, so every output (XML, JSON, HTML) says the same thing.
 */
const XML_FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function removeXmlForbidden(text: string): string {
  return text.replace(XML_FORBIDDEN, "");
}

export function countXmlForbidden(text: string): number {
  return text.match(XML_FORBIDDEN)?.length ?? 0;
}
