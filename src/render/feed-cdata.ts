/**
 * Plain text for a CDATA section that `feed` writes. Its XML writer (xml-js) ends a "]]>" in
 * the text by splitting the section, but only at the first one (`cdata.replace("]]>", …)`), so
 * a second "]]>" would close the section early and break the feed. This splits every later
 * one the same way, leaving the first to xml-js: the section then holds the text exactly, and
 * a reader that decodes it gets back every character the author wrote.
 */
export function forFeedCdata(text: string): string {
  const first = text.indexOf("]]>");
  if (first === -1) return text;
  const rest = first + 3;
  return text.slice(0, rest) + text.slice(rest).replaceAll("]]>", "]]]]><![CDATA[>");
}
